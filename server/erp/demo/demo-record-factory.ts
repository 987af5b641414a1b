import { base, en, Faker } from '@faker-js/faker';
import type { ActionType, ErpAction } from '../../../src/domain/erp-records';
import { toSlug } from '../to-slug';
import { addDays, calendarDay, formatCalendarDay, weekdayOf, type CalendarDay } from './calendar-day';
import { demoPhrases } from './demo-phrases';
import { demoRegions, type DemoRegion } from './demo-regions';
import type { DemoAddress, DemoActionFields } from './demo-rows';
import { zonedTimeToUtc } from './zoned-time-to-utc';

const DAY = 86_400_000;

export interface GeneratedAccount {
  id: number;
  name: string;
  region: DemoRegion;
  domain: string;
  taxId: string;
  phone: string;
  website: string;
  address: DemoAddress;
  ownerId: number;
  updatedAt: string;
}

export interface GeneratedPerson {
  givenName: string;
  surname: string;
  region: DemoRegion;
}

const actionTypeWeights: { value: ActionType; weight: number }[] = [
  { value: 'call', weight: 25 },
  { value: 'visit', weight: 15 },
  { value: 'meeting', weight: 20 },
  { value: 'email', weight: 15 },
  { value: 'task', weight: 15 },
  { value: 'note', weight: 10 },
];

const pastStatuses: { value: ErpAction['status']; weight: number }[] = [
  { value: 'done', weight: 80 },
  { value: 'cancelled', weight: 10 },
  // Overdue: planned and never closed.
  { value: 'planned', weight: 10 },
];

const durations: Record<ActionType, readonly number[]> = {
  call: [15, 15, 30],
  visit: [60, 90, 120],
  meeting: [30, 60, 60, 90],
  email: [15],
  task: [30],
  note: [15],
};

/**
 * Makes one realistic record at a time from seeded faker instances: one per region (its locale) and
 * one that takes the structural decisions. The same seed and the same sequence of calls give the same records.
 */
export class DemoRecordFactory {
  readonly chooser: Faker;
  private readonly fakers: Map<DemoRegion, Faker>;

  constructor(
    seed: number,
    private readonly reference: Date,
  ) {
    this.chooser = new Faker({ locale: [en, base] });
    this.chooser.seed([seed, 0]);
    this.fakers = new Map(
      demoRegions.map((region, index) => {
        const faker = new Faker({ locale: region.locales });
        faker.seed([seed, index + 1]);
        return [region, faker];
      }),
    );
  }

  region(): DemoRegion {
    return this.chooser.helpers.weightedArrayElement(demoRegions.map((region) => ({ value: region, weight: region.weight })));
  }

  person(region: DemoRegion): GeneratedPerson {
    const faker = this.faker(region);
    const sex = this.chooser.helpers.arrayElement(['female', 'male'] as const);
    // Spanish and Mexican people usually carry two family names.
    const twoSurnames = region.language === 'es' && this.chooser.number.float() < 0.6;
    const surname = twoSurnames ? `${faker.person.lastName()} ${faker.person.lastName()}` : faker.person.lastName();
    return { givenName: faker.person.firstName(sex), surname, region };
  }

  account(id: number, ownerOf: (region: DemoRegion) => number): GeneratedAccount {
    const region = this.region();
    const faker = this.faker(region);
    const phrases = demoPhrases[region.language];
    const family = faker.person.lastName();
    const trade = this.chooser.helpers.arrayElement(phrases.trades);
    const stem = this.chooser.helpers.weightedArrayElement([
      { value: `${family} ${trade}`, weight: 5 },
      { value: `${trade} ${faker.location.city()}`, weight: 2 },
      { value: `${family} ${phrases.and} ${faker.person.lastName()}`, weight: 3 },
    ]);
    const name = `${stem} ${this.chooser.helpers.arrayElement(region.companySuffixes)}`;
    const domain = `${toSlug(stem)}.${region.domainSuffix}`;
    return {
      id,
      name,
      region,
      domain,
      taxId: faker.helpers.replaceSymbols(region.taxIdPattern).toUpperCase(),
      phone: this.phone(region),
      website: `https://www.${domain}`,
      address: this.address(region),
      ownerId: ownerOf(region),
      updatedAt: this.pastInstant(720),
    };
  }

  /** Local format most of the time, international sometimes: ERPs hold both. */
  phone(region: DemoRegion): string {
    const style = this.chooser.number.float() < 0.8 ? 'national' : 'international';
    return this.faker(region).phone.number({ style });
  }

  mobile(region: DemoRegion): string {
    return this.faker(region).helpers.replaceSymbols(region.mobilePattern);
  }

  address(region: DemoRegion): DemoAddress {
    const faker = this.faker(region);
    return {
      street: faker.location.streetAddress(),
      city: region.cities ? this.chooser.helpers.arrayElement(region.cities) : faker.location.city(),
      postalCode: faker.location.zipCode(),
      state: region.state ?? faker.location.state(),
      countryOrRegion: region.country,
    };
  }

  jobTitle(region: DemoRegion): string {
    return this.chooser.helpers.arrayElement(demoPhrases[region.language].jobTitles);
  }

  note(region: DemoRegion): string {
    return this.chooser.helpers.arrayElement(demoPhrases[region.language].notes);
  }

  sharedMailbox(region: DemoRegion, domain: string): string {
    return `${this.chooser.helpers.arrayElement(demoPhrases[region.language].sharedMailboxes)}@${domain}`;
  }

  /** 1 to 3 addresses (work, personal, alias); about one contact in twenty has none. */
  emails(person: GeneratedPerson, domain: string | undefined): string[] {
    const roll = this.chooser.number.float();
    const count = roll < 0.05 ? 0 : roll < 0.65 ? 1 : roll < 0.9 ? 2 : 3;
    const given = toSlug(person.givenName.split(' ')[0] ?? '');
    const family = toSlug(person.surname.split(' ')[0] ?? '');
    const personalDomain = this.chooser.helpers.arrayElement(person.region.personalDomains);
    const work = this.chooser.number.float() < 0.7 ? `${given}.${family}@${domain ?? personalDomain}` : `${given.charAt(0)}${family}@${domain ?? personalDomain}`;
    const candidates = [
      // Some people type their address capitalised; lookups must not care.
      this.chooser.number.float() < 0.05 ? capitalise(work) : work,
      `${given}${family}${this.chooser.number.int({ min: 1, max: 99 })}@${personalDomain}`,
      `${given}@${domain ?? personalDomain}`,
    ];
    return [...new Set(candidates)].slice(0, count);
  }

  actionCount(average: number): number {
    return this.chooser.number.int({ min: 0, max: Math.max(0, Math.round(average * 2)) });
  }

  /** An action around the reference date: timed (some all-day) or untimed, in the contact's region and zone. */
  action(region: DemoRegion): Omit<DemoActionFields, 'id' | 'ownerId' | 'contactId' | 'accountId'> {
    const type = this.chooser.helpers.weightedArrayElement(actionTypeWeights);
    const phrases = demoPhrases[region.language];
    // Logged emails and notes record what already happened.
    const happened = type === 'email' || type === 'note';
    const offset = this.chooser.number.int({ min: -180, max: happened ? 0 : 45 });
    const day = calendarDay(this.reference, offset);
    const status = happened ? 'done' : offset < 0 ? this.chooser.helpers.weightedArrayElement(pastStatuses) : this.chooser.number.float() < 0.05 ? 'cancelled' : 'planned';
    const common = {
      type,
      subject: this.chooser.helpers.arrayElement(phrases.subjects[type]),
      timeZone: region.timeZone,
      status,
      private: this.chooser.number.float() < 0.06,
      updatedAt: this.pastInstant(200),
      ...(this.chooser.number.float() < 0.4 && { notes: this.note(region) }),
    };
    const timed = (type === 'call' || type === 'visit' || type === 'meeting') && this.chooser.number.float() < 0.9;
    if (!timed) {
      const dated = happened || this.chooser.number.float() < 0.75;
      return dated ? { ...common, dueDate: formatCalendarDay(day) } : common;
    }
    if (type !== 'call' && this.chooser.number.float() < 0.06) {
      const days = this.chooser.number.int({ min: 1, max: 2 });
      const last = addDays(day, days);
      return {
        ...common,
        subject: this.chooser.helpers.arrayElement(phrases.allDaySubjects),
        allDay: true,
        start: zonedTimeToUtc({ ...day, hour: 0, minute: 0 }, region.timeZone),
        end: zonedTimeToUtc({ ...last, hour: 0, minute: 0 }, region.timeZone),
      };
    }
    const workday = nextWorkday(day);
    const start = zonedTimeToUtc(
      { ...workday, hour: this.chooser.number.int({ min: 8, max: 17 }), minute: this.chooser.helpers.arrayElement([0, 15, 30, 45]) },
      region.timeZone,
    );
    const minutes = this.chooser.helpers.arrayElement(durations[type]);
    return { ...common, start, end: new Date(start.getTime() + minutes * 60_000) };
  }

  /** An instant between `maxDaysBack` days before the reference date and the day before it. */
  pastInstant(maxDaysBack: number): string {
    const back = this.chooser.number.int({ min: DAY, max: maxDaysBack * DAY });
    return new Date(this.reference.getTime() - back).toISOString();
  }

  private faker(region: DemoRegion): Faker {
    const faker = this.fakers.get(region);
    if (!faker) throw new Error(`no faker for region ${region.code}`);
    return faker;
  }
}

/** `ana.garcia@x.es` → `Ana.Garcia@x.es` */
function capitalise(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.replace(/(^|\.)([a-z])/g, (_match, dot: string, letter: string) => dot + letter.toUpperCase())}@${domain}`;
}

function nextWorkday(day: CalendarDay): CalendarDay {
  const weekday = weekdayOf(day);
  const shift = weekday === 6 ? 2 : weekday === 0 ? 1 : 0;
  return addDays(day, shift);
}
