/**
 * Where uploaded files (a 简讯's photos) are kept: a folder in the local gateway, cloud storage in WeChat cloud. The
 * store answers a reference for each file it kept (locally the key; in WeChat cloud the fileID), which the row keeps
 * and later calls pass back.
 */
export interface FileStore {
  /** Keeps `bytes` under `key` (made by `fileKey`); answers the store's reference to it. */
  put(key: string, bytes: Buffer, mime: string): Promise<string>;
  /** Removes the file; a file already gone is no error. */
  remove(ref: string): Promise<void>;
  /** Addresses the app can show the files at, in the order asked (in WeChat cloud: temporary URLs). */
  urlsOf(refs: readonly string[]): Promise<string[]>;
}

/** The keys our store makes: `<folder>/<owner uuid>/<file uuid>.<jpg|png>`; the gateway serves nothing else. */
export const FILE_KEY_PATTERN = /^briefs\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.(jpg|png)$/;

export const fileKey = (folder: 'briefs', ownerId: string, fileId: string, extension: 'jpg' | 'png') => `${folder}/${ownerId}/${fileId}.${extension}`;

export const FILE_CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png' };
