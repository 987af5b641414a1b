/**
 * Records every seeded demo ERP holds, whatever the seed, for demos and tests. They are inserted
 * first, so their ids are fixed. Salespeople sign in with these emails (map the emulator's users to them).
 */
export const demoFixedRecords = {
  users: {
    carmenRuiz: { id: '1', email: 'carmen.ruiz@contoso.example', displayName: 'Carmen Ruiz' },
    etienneGagnon: { id: '2', email: 'etienne.gagnon@contoso.example', displayName: 'Étienne Gagnon' },
    oliviaBennett: { id: '3', email: 'olivia.bennett@contoso.example', displayName: 'Olivia Bennett' },
  },
  accounts: {
    nunezLogistica: { id: '1', name: 'Núñez Logística S.L.' },
    lefevreEtFils: { id: '2', name: 'Lefèvre et Fils SARL' },
    erableDistribution: { id: '3', name: 'Érable Distribution Inc.' },
    /** Markup in a company name: it must show as text everywhere. */
    markupTrading: { id: '4', name: '<script>alert("account")</script> Trading Ltd' },
  },
  contacts: {
    /** Two emails; the second in mixed case, to find her by either. */
    anaGarcia: { id: '1', email: 'ana.garcia@example.es', secondaryEmail: 'Ana.Garcia.Personal@Gmail.com' },
    /** Shares `info@nunez-logistica.es` with María José Ibáñez. */
    joseNunez: { id: '2', email: 'jose.nunez@nunez-logistica.es', sharedEmail: 'info@nunez-logistica.es' },
    mariaJoseIbanez: { id: '3', email: 'info@nunez-logistica.es' },
    francoiseLefevre: { id: '4', email: 'francoise.lefevre@lefevre-fils.fr' },
    /** Three emails, as many as an Outlook contact holds. */
    francoisTremblay: { id: '5', emails: ['francois.tremblay@erable.ca', 'ventes@erable.ca', 'ftremblay@videotron.ca'] },
    /** Display name and notes are markup: they must show as text. */
    markup: { id: '6', displayName: '<img src=x onerror=alert(1)>', email: 'markup@example.com' },
    /** No email at all: found by name only. */
    goncaloPena: { id: '7', displayName: 'Gonçalo Peña' },
    oliverSmith: { id: '8', email: 'oliver.smith@example.co.uk' },
  },
  actions: {
    /** Timed, in Europe/Madrid, the day after the reference date. */
    anaVisit: { id: '1' },
    /** Private to Carmen Ruiz: other salespeople do not see it. */
    anaPrivateCall: { id: '2' },
    /** All-day, two days. */
    anaTradeFair: { id: '3' },
    /** Untimed, with a due date. */
    anaOfferTask: { id: '4' },
    francoiseMeeting: { id: '5' },
    tremblayCall: { id: '6' },
    oliverEmail: { id: '7' },
    markupNote: { id: '8' },
    /** Untimed, without a due date. */
    joseTask: { id: '9' },
  },
} as const;
