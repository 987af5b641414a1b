-- A Spanish ERP's tables, as `gestiona-mapping.json` reads them (PostgreSQL). Upper-case quoted
-- names, as a database migrated from SQL Server keeps them; no version column anywhere; one
-- NOMBRE_COMPLETO ("García López, Ana") instead of given name and surname; contacts are never
-- deleted but marked BAJA = 'S'; emails in a child table, one row per email; FECHA_MODIF is the
-- local time of Madrid without offset, as the ERP's own screens write it.

create table "VENDEDORES" (
  "ID_VENDEDOR" serial primary key,
  "NOMBRE" varchar(100) not null,
  "EMAIL" varchar(254) not null
);

create table "CLIENTES" (
  "ID_CLIENTE" serial primary key,
  "RAZON_SOCIAL" varchar(200) not null,
  "NIF" varchar(20),
  "TELEFONO" varchar(40),
  "WEB" varchar(200),
  "DIRECCION" varchar(200),
  "POBLACION" varchar(100),
  "CP" varchar(20),
  "PROVINCIA" varchar(100),
  "PAIS" varchar(100),
  "ID_VENDEDOR" integer references "VENDEDORES",
  "FECHA_MODIF" timestamp not null default (now() at time zone 'Europe/Madrid')
);

create table "CLIENTES_CONTACTOS" (
  "ID_CONTACTO" serial primary key,
  "ID_CLIENTE" integer references "CLIENTES",
  "NOMBRE_COMPLETO" varchar(210),
  "CARGO" varchar(100),
  "TELEFONO" varchar(40),
  "MOVIL" varchar(40),
  "DIRECCION" varchar(200),
  "POBLACION" varchar(100),
  "CP" varchar(20),
  "PROVINCIA" varchar(100),
  "PAIS" varchar(100),
  "OBSERVACIONES" text,
  "ID_VENDEDOR" integer references "VENDEDORES",
  -- 'S' (sí): the contact was deleted in the ERP; the row stays for its history.
  "BAJA" char(1) not null default 'N',
  "FECHA_MODIF" timestamp not null default (now() at time zone 'Europe/Madrid'),
  "USUARIO_MODIF" varchar(254)
);

create table "CONTACTOS_EMAILS" (
  "ID_EMAIL" serial primary key,
  "ID_CONTACTO" integer not null references "CLIENTES_CONTACTOS",
  "EMAIL" varchar(254) not null,
  "ORDEN" smallint not null default 1
);

create index "CONTACTOS_EMAILS_CONTACTO" on "CONTACTOS_EMAILS" ("ID_CONTACTO", "ORDEN");
-- Lookups by email read this (the bridge compares lower(EMAIL)).
create index "CONTACTOS_EMAILS_EMAIL" on "CONTACTOS_EMAILS" (lower("EMAIL"));
create index "CLIENTES_CONTACTOS_MODIF" on "CLIENTES_CONTACTOS" ("FECHA_MODIF", "ID_CONTACTO");

create table "ACCIONES" (
  "ID_ACCION" bigserial primary key,
  "TIPO" varchar(10) not null,
  "ASUNTO" varchar(255) not null,
  "DESCRIPCION" text,
  "INICIO" timestamptz,
  "FIN" timestamptz,
  "VENCIMIENTO" date,
  "TODO_EL_DIA" boolean not null default false,
  "ZONA_HORARIA" varchar(64),
  "ESTADO" varchar(10) not null default 'PENDIENTE',
  "PRIVADA" boolean not null default false,
  "ID_VENDEDOR" integer references "VENDEDORES",
  "ID_CONTACTO" integer references "CLIENTES_CONTACTOS",
  "ID_CLIENTE" integer references "CLIENTES",
  "FECHA_MODIF" timestamp not null default (now() at time zone 'Europe/Madrid')
);

create index "ACCIONES_CONTACTO" on "ACCIONES" ("ID_CONTACTO");
create index "ACCIONES_CLIENTE" on "ACCIONES" ("ID_CLIENTE");
