import { uploadOrderOf, type FileStore } from '../_core/files';
import { wechatSdk } from './wx-identity';

interface WxStorageSdk {
  uploadFile(request: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>;
  deleteFile(request: { fileList: string[] }): Promise<unknown>;
  downloadFile(request: { fileID: string }): Promise<{ fileContent: Buffer }>;
  getTempFileURL(request: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status: number }[] }>;
}

/**
 * Cloud storage as the file store inside WeChat cloud (cloud.uploadFile / getTempFileURL / deleteFile); undefined
 * elsewhere, where the local folder is used. Injected into the handler so that `_core` never loads the SDK.
 */
export function wxFileStore(): FileStore | undefined {
  const sdk = wechatSdk() as unknown as WxStorageSdk | undefined;
  if (!sdk) return undefined;
  return {
    async put(key, bytes) {
      return (await sdk.uploadFile({ cloudPath: key, fileContent: bytes })).fileID;
    },
    async remove(ref) {
      await sdk.deleteFile({ fileList: [ref] });
    },
    async urlsOf(refs) {
      if (refs.length === 0) return [];
      const answer = await sdk.getTempFileURL({ fileList: [...refs] });
      const byId = new Map(answer.fileList.map((file) => [file.fileID, file.tempFileURL]));
      return refs.map((ref) => byId.get(ref) ?? '');
    },
    async read(ref) {
      return (await sdk.downloadFile({ fileID: ref })).fileContent;
    },
    async readUpload(fileId) {
      if (!uploadOrderOf(fileId)) return undefined;
      try {
        return (await sdk.downloadFile({ fileID: fileId })).fileContent;
      } catch {
        return undefined; // gone, or never uploaded: the caller answers 请重新选择照片
      }
    },
    async removeUpload(fileId) {
      if (uploadOrderOf(fileId)) await sdk.deleteFile({ fileList: [fileId] });
    },
  };
}
