export { FILE_CONTENT_TYPES, FILE_KEY_PATTERN, fileKey, UPLOAD_FILE_ID_PATTERN, UPLOADS_FOLDER, uploadOrderOf, type FileStore } from './file-store';
export { LOCAL_FILES_PATH, localFilesDir, localFileStore } from './local-file-store';
export { filesOfCall } from './transaction-files';
