/** A page of a Graph collection; a delta round ends with a page that has `@odata.deltaLink`. */
export interface GraphCollection<Item> {
  value?: Item[];
  '@odata.nextLink'?: string;
  '@odata.deltaLink'?: string;
}
