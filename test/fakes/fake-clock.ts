/** A clock the test moves by hand; fakes stamp their writes with it. */
export class FakeClock {
  constructor(private current: string) {}

  now = (): string => this.current;

  set(at: string): void {
    this.current = at;
  }
}
