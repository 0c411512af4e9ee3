import fs from 'node:fs/promises';
import path from 'node:path';
import { FILE_KEY_PATTERN, type FileStore } from './file-store';

/** The URL path the local gateway serves the files at (gateway/file-serving.ts). */
export const LOCAL_FILES_PATH = '/files/';

export const localFilesDir = (dataDir: string) => path.resolve(dataDir, 'files');

/** The local gateway's store: `DATA_DIR/files/<key>`, served at `/files/<key>`. */
export function localFileStore(dataDir: string): FileStore {
  const root = localFilesDir(dataDir);
  const fileOf = (key: string) => {
    if (!FILE_KEY_PATTERN.test(key)) throw new Error(`not a file key of ours: ${key}`);
    return path.join(root, key);
  };
  return {
    async put(key, bytes) {
      const file = fileOf(key);
      await fs.mkdir(path.dirname(file), { recursive: true });
      // `wx`: a key is written once; an upload never replaces another's file.
      await fs.writeFile(file, bytes, { flag: 'wx' });
      return key;
    },
    async remove(ref) {
      await fs.rm(fileOf(ref), { force: true });
    },
    async urlsOf(refs) {
      return refs.map((ref) => `${LOCAL_FILES_PATH}${ref}`);
    },
    read: (ref) => fs.readFile(fileOf(ref)),
    // The H5 app sends a photo's bytes with the call; nothing is uploaded to this folder beforehand.
    readUpload: async () => undefined,
    removeUpload: async () => undefined,
  };
}
