process.env.SESSION_SECRET ??= 'test-session-secret-0123456789abcdef0123456789';
process.env.CHECKIN_KEY ??= 'test-checkin-key-0123456789abcdef0123456789abcdef';
process.env.CERTIFICATE_KEY ??= 'test-certificate-key-0123456789abcdef0123456789';
process.env.PASSWORD_COST ??= '1024';
