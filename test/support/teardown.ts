/** What a fixture has started, closed in reverse order: the last started goes first. */
export interface Teardown {
  add(close: () => Promise<unknown>): void;
  /** Runs every registered close once, the last registered first. */
  run(): Promise<void>;
}

export function teardown(): Teardown {
  const closers: (() => Promise<unknown>)[] = [];
  return {
    add: (close) => void closers.push(close),
    async run() {
      for (const close of closers.splice(0).reverse()) await close();
    },
  };
}
