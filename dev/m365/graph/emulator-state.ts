import { GraphError } from './graph-error';
import { Mailbox, type MailboxOptions, type MailboxUser } from './mailbox';

export interface Tenant {
  id: string;
  displayName: string;
}

/** Tenants and their mailboxes. Users are found by object id or UPN, both without regard to case. */
export class EmulatorState {
  private readonly tenants = new Map<string, Tenant>();
  private readonly mailboxes = new Map<string, Mailbox>();

  constructor(private readonly mailboxOptions: MailboxOptions) {}

  addTenant(tenant: Tenant): Tenant {
    const key = tenant.id.toLowerCase();
    const existing = this.tenants.get(key);
    if (existing) return existing;
    this.tenants.set(key, tenant);
    return tenant;
  }

  tenant(tenantId: string): Tenant | undefined {
    return this.tenants.get(tenantId.toLowerCase());
  }

  listTenants(): Tenant[] {
    return [...this.tenants.values()];
  }

  addMailbox(user: MailboxUser): Mailbox {
    if (!this.tenant(user.tenantId)) this.addTenant({ id: user.tenantId, displayName: user.tenantId });
    if (this.findMailbox(user.id) || this.findMailbox(user.userPrincipalName)) {
      throw new GraphError(409, 'Conflict', `A mailbox with the id '${user.id}' or the UPN '${user.userPrincipalName}' exists already.`);
    }
    const mailbox = new Mailbox(user, this.mailboxOptions);
    this.mailboxes.set(user.id.toLowerCase(), mailbox);
    return mailbox;
  }

  findMailbox(idOrUserPrincipalName: string): Mailbox | undefined {
    const key = idOrUserPrincipalName.toLowerCase();
    const byId = this.mailboxes.get(key);
    if (byId) return byId;
    return [...this.mailboxes.values()].find((mailbox) => mailbox.user.userPrincipalName.toLowerCase() === key);
  }

  listMailboxes(): Mailbox[] {
    return [...this.mailboxes.values()];
  }
}
