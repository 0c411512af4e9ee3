import type { FileStore } from './file-store';

/**
 * A file store for one call: what it puts is removed again unless the call's transaction commits, so that a rolled
 * back upload (a failed commit, a deadlock victim retried, a refusal) leaves no file behind that no row points at.
 */
export function filesOfCall(store: FileStore) {
  const put: string[] = [];
  const files: FileStore = {
    async put(key, bytes, mime) {
      const ref = await store.put(key, bytes, mime);
      put.push(ref);
      return ref;
    },
    remove: (ref) => store.remove(ref),
    urlsOf: (refs) => store.urlsOf(refs),
    read: (ref) => store.read(ref),
    readUpload: (fileId) => store.readUpload(fileId),
    removeUpload: (fileId) => store.removeUpload(fileId),
  };
  return {
    files,
    /** The attempt committed: its files stay. */
    keep: () => void put.splice(0),
    /** The attempt did not commit: its files go (a file that cannot be removed is logged, the call's answer stands). */
    async discard() {
      for (const ref of put.splice(0)) {
        await store.remove(ref).catch((error) => console.error(`[files] could not remove ${ref} of a call that did not commit`, error));
      }
    },
  };
}
