import type { Contact } from '@microsoft/microsoft-graph-types';

/** A contact as Graph answers it, with its etag (sent back in `If-Match`). */
export type GraphContact = Contact & { '@odata.etag'?: string };
