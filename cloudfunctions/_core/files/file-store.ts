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
  /** The bytes of a file kept (for an export that prints the photos). */
  read(ref: string): Promise<Buffer>;
  /**
   * A file the app uploaded itself before calling (in WeChat cloud: `Taro.cloud.uploadFile`'s fileID, under
   * UPLOADS_FOLDER), or undefined when the store has no such upload (the local folder never has: the H5 app sends base64).
   */
  readUpload(fileId: string): Promise<Buffer | undefined>;
  /** Removes such an upload once read, kept or refused (its original may carry the Exif the kept copy dropped). */
  removeUpload(fileId: string): Promise<void>;
}

/** Where the mini-program uploads a 简讯 photo before `uploadBriefPhoto` reads it: `brief-uploads/<order uuid>/<name>.<ext>`. */
export const UPLOADS_FOLDER = 'brief-uploads';

/** A cloud-storage fileID of an app upload: `cloud://<env>/brief-uploads/<order uuid>/<name>.<jpg|jpeg|png>`. */
export const UPLOAD_FILE_ID_PATTERN = /^cloud:\/\/[A-Za-z0-9._-]{1,120}\/brief-uploads\/([0-9a-f-]{36})\/[A-Za-z0-9_-]{1,64}\.(jpg|jpeg|png)$/;

/** The order an upload's fileID was made for (its folder), or undefined for a fileID that is not one of the app's uploads. */
export const uploadOrderOf = (fileId: string) => UPLOAD_FILE_ID_PATTERN.exec(fileId)?.[1];

/** The keys our store makes: `<folder>/<owner uuid>/<file uuid>.<jpg|png>`; the gateway serves nothing else. */
export const FILE_KEY_PATTERN = /^briefs\/[0-9a-f-]{36}\/[0-9a-f-]{36}\.(jpg|png)$/;

export const fileKey = (folder: 'briefs', ownerId: string, fileId: string, extension: 'jpg' | 'png') => `${folder}/${ownerId}/${fileId}.${extension}`;

export const FILE_CONTENT_TYPES: Record<string, string> = { jpg: 'image/jpeg', png: 'image/png' };
