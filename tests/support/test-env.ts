import os from 'node:os';
import path from 'node:path';

process.env.SESSION_SECRET ??= 'test-session-secret-0123456789abcdef0123456789';
process.env.CHECKIN_KEY ??= 'test-checkin-key-0123456789abcdef0123456789abcdef';
process.env.CERTIFICATE_KEY ??= 'test-certificate-key-0123456789abcdef0123456789';
process.env.PASSWORD_COST ??= '1024';
// What a test stores as files (the demo seed's 简讯 photo, an upload in a suite without a folder of its own) goes to
// the temporary folder, never to the checkout's .data where the local gateway keeps its own.
process.env.DATA_DIR ??= path.join(os.tmpdir(), 'dyg-test-data');
