/**
 * What the server makes from a file of the graph folder (a body, an index of its lines), kept for one
 * version of the file (a stamp of its stat) and shared by every request: concurrent requests share the one
 * being made, a new version of the file makes it again, and one that failed to be made is dropped, so that
 * the next request tries again.
 */
export class VersionCache<T> {
  #cached: { version: string; value: Promise<T> } | null = null;

  /** The value for `version`: the one kept (or being made), or the one `make` starts. */
  get(version: string, make: () => Promise<T>): Promise<T> {
    if (this.#cached === null || this.#cached.version !== version) this.set(version, make());
    return this.#cached!.value;
  }

  /** Keep a value made elsewhere for `version`. */
  set(version: string, value: Promise<T>): void {
    this.#cached = { version, value };
    value.catch(() => {
      if (this.#cached?.value === value) this.#cached = null;
    });
  }
}
