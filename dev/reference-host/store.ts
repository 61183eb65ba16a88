/**
 * A JSON file store with atomic, serialised writes. Every change writes the whole document to a temp
 * file in the same folder, fsyncs it, then renames it over the store file (rename is atomic on POSIX
 * file systems), and fsyncs the folder. A crash at any moment leaves either the old or the new file,
 * never a half-written one. Writes are queued, so two concurrent `update`s never interleave.
 */
import { closeSync, fsyncSync, openSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface JsonStoreOptions<T> {
  /** The store file (its folder is created when missing). */
  file: string;
  /** The document written on first start, when the file does not exist. */
  seed: () => T;
  /** Test hook: replaces `rename` (e.g. to simulate a crash before the rename). */
  renameFile?: (from: string, to: string) => Promise<void>;
}

export class JsonStore<T> {
  readonly file: string;
  #data!: T;
  #queue: Promise<unknown> = Promise.resolve();
  #counter = 0;
  readonly #rename: (from: string, to: string) => Promise<void>;
  readonly #seed: () => T;

  private constructor(options: JsonStoreOptions<T>) {
    this.file = options.file;
    this.#seed = options.seed;
    this.#rename = options.renameFile ?? rename;
  }

  /** Opens the store, seeding it on first start. */
  static async open<T>(options: JsonStoreOptions<T>): Promise<JsonStore<T>> {
    const store = new JsonStore(options);
    await mkdir(dirname(store.file), { recursive: true });
    // Temp files of a write that was interrupted (crash between write and rename) are garbage.
    for (const f of await readdir(dirname(store.file)))
      if (/^\.\d+-\d+-\d+\.tmp$/.test(f)) await rm(join(dirname(store.file), f), { force: true });
    let text: string | undefined;
    try {
      text = await readFile(store.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    if (text === undefined) {
      store.#data = store.#seed();
      await store.#write(store.#data);
    } else {
      store.#data = JSON.parse(text) as T;
    }
    return store;
  }

  /** The current document (treat as read-only; change it through `update`). */
  get data(): T {
    return this.#data;
  }

  /**
   * Applies `change` to a copy of the document and writes it; the in-memory document is replaced only
   * after the write succeeded. Calls are serialised in call order. `change` is synchronous (it sees a
   * consistent document) and may throw to refuse.
   */
  update<R>(change: (draft: T) => R): Promise<R> {
    const run = async () => {
      const draft = structuredClone(this.#data);
      const result = change(draft);
      await this.#write(draft);
      this.#data = draft;
      return result;
    };
    const next = this.#queue.then(run, run);
    this.#queue = next.catch(() => undefined);
    return next;
  }

  async #write(doc: T): Promise<void> {
    const tmp = join(dirname(this.file), `.${Date.now()}-${process.pid}-${this.#counter++}.tmp`);
    const handle = await open(tmp, 'w');
    try {
      await handle.writeFile(JSON.stringify(doc, null, 2) + '\n', 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await this.#rename(tmp, this.file);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    try {
      const fd = openSync(dirname(this.file), 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // Some platforms cannot fsync a directory; the rename is still atomic.
    }
  }
}
