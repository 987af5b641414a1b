import type { ContactConflict } from '../../src/sync/contacts/contact-conflict';
import type { ContactLink } from '../../src/sync/contacts/contact-link';
import type { ContactLinkStore } from '../../src/sync/contacts/contact-link-store';

/** The bridge store's contact links and conflicts, in memory. */
export class FakeContactLinkStore implements ContactLinkStore {
  private readonly links = new Map<string, ContactLink>();
  private readonly conflicts: ContactConflict[] = [];

  constructor(links: readonly ContactLink[] = []) {
    for (const link of links) this.links.set(link.erpId, structuredClone(link));
  }

  async listLinks(): Promise<ContactLink[]> {
    return [...this.links.values()].sort((left, right) => (left.erpId < right.erpId ? -1 : 1)).map((link) => structuredClone(link));
  }

  async saveLink(link: ContactLink): Promise<void> {
    this.links.set(link.erpId, structuredClone(link));
  }

  async removeLink(erpId: string): Promise<void> {
    this.links.delete(erpId);
  }

  async listConflicts(): Promise<ContactConflict[]> {
    return this.conflicts.map((conflict) => structuredClone(conflict));
  }

  async addConflict(conflict: ContactConflict): Promise<void> {
    this.conflicts.push(structuredClone(conflict));
  }

  /** The user settles a waiting conflict in the add-in's Conflicts view. */
  resolveInAddIn(id: string, resolution: 'erp' | 'outlook', at: string): void {
    const conflict = this.conflicts.find((candidate) => candidate.id === id && candidate.status === 'open');
    if (conflict === undefined) throw new Error(`no open conflict ${id}`);
    Object.assign(conflict, { status: 'resolved', resolution, resolvedAt: at });
  }

  link(erpId: string): ContactLink | undefined {
    const link = this.links.get(erpId);
    return link && structuredClone(link);
  }

  allConflicts(): ContactConflict[] {
    return this.conflicts.map((conflict) => structuredClone(conflict));
  }
}
