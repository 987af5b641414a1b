-- A French-Canadian ERP's tables, as `prextra-mapping.json` reads them (PostgreSQL).
-- Nothing here looks like the bridge's own records: French names, three email columns,
-- type codes, a bigint key, a padded char column, timestamps with and without time zone,
-- a version column on activities only.

create table vendeurs (
  no_vendeur serial primary key,
  nom_complet varchar(100) not null,
  courriel varchar(254) not null
);

create table clients (
  no_client serial primary key,
  raison_sociale varchar(200) not null,
  no_tps varchar(30),
  telephone varchar(40),
  site_web varchar(200),
  adresse varchar(200),
  ville varchar(100),
  code_postal varchar(20),
  province varchar(100),
  pays varchar(100),
  no_vendeur integer references vendeurs,
  date_modif timestamp not null default (now() at time zone 'utc')
);

create table contacts_clients (
  no_contact serial primary key,
  no_client integer references clients,
  prenom varchar(100),
  nom varchar(100),
  titre varchar(100),
  courriel1 varchar(254),
  courriel2 varchar(254),
  courriel3 varchar(254),
  tel_bureau varchar(40),
  tel_cellulaire varchar(40),
  adresse varchar(200),
  ville varchar(100),
  code_postal varchar(20),
  province varchar(100),
  pays varchar(100),
  remarques text,
  no_vendeur integer references vendeurs,
  date_modif timestamptz not null default now(),
  modifie_par varchar(254)
);

-- Lookups by email read these (the bridge compares lower(courrielN)).
create index contacts_clients_courriel1 on contacts_clients (lower(courriel1));
create index contacts_clients_courriel2 on contacts_clients (lower(courriel2));
create index contacts_clients_courriel3 on contacts_clients (lower(courriel3));
create index contacts_clients_date_modif on contacts_clients (date_modif, no_contact);

create table activites (
  no_activite bigserial primary key,
  code_type char(10) not null,
  sujet varchar(255) not null,
  description text,
  debut timestamptz,
  fin timestamptz,
  echeance date,
  journee_entiere boolean not null default false,
  fuseau varchar(64),
  code_statut varchar(10) not null default 'AFAIRE',
  prive boolean not null default false,
  no_vendeur integer references vendeurs,
  no_contact integer references contacts_clients,
  no_client integer references clients,
  date_modif timestamp not null default (now() at time zone 'utc'),
  no_version integer not null default 1
);

create index activites_contact on activites (no_contact);
create index activites_client on activites (no_client);
