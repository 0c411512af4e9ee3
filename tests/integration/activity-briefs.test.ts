import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import ExcelJS from 'exceljs';
import { main as orders } from '../../cloudfunctions/orders/index';
import { main as reports } from '../../cloudfunctions/reports/index';
import { pdfText } from '../../cloudfunctions/_core/documents/pdf-text';
import { localFileStore, type FileStore } from '../../cloudfunctions/_core/files';
import { orderActions } from '../../cloudfunctions/_core/orders';
import { createHandler } from '../../cloudfunctions/_core/runtime';
import { demoPhotoPng } from '../../gateway/demo-photo';
import { cloudFunctions } from '../../gateway/cloud-functions';
import { createGatewayServer, listen } from '../../gateway/http-server';
import type { Database } from '../../cloudfunctions/_core/db/database';
import { addWorkingDays } from '../../cloudfunctions/_core/calendar/working-days';
import { JOB_PLANNERS } from '../../cloudfunctions/_core/notify/job-handlers';
import { addActivity, addService } from '../support/assessment-fixtures';
import { call, failed, ok, refusedUnchanged } from '../support/call';
import { useWallClock } from '../support/clock';
import { buildTwoDistricts, renewTokens, type TestCommunity, type TestUser } from '../support/fixtures';
import { openSuiteDatabase } from '../support/test-database';

// The local file store writes under DATA_DIR/files: a folder of this suite's own (config is read on the first call).
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dyg-briefs-'));
process.env.DATA_DIR = dataDir;

let db: Database;
let a: TestCommunity;
let b: TestCommunity;

beforeAll(async () => {
  db = await openSuiteDatabase();
  ({ a, b } = await buildTwoDistricts(db, ['简甲', '简乙', '简外'], { a: { members: 3 } }));
});
afterAll(async () => {
  await db.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** How many images the PDF embeds (poppler's pdfimages). */
function imagesIn(base64: string): number {
  const file = path.join(dataDir, 'export.pdf');
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  const listed = spawnSync('/usr/bin/pdfimages', ['-list', file], { encoding: 'utf8' });
  expect(listed.status).toBe(0);
  return listed.stdout.trim().split('\n').slice(2).filter((line) => line.trim()).length;
}

const brief = (action: string, data: unknown, user: TestUser) => call(orders, action, data, user);

/** A finished activity of `a` on `day` (Beijing), led by member 0, with member 1 and 2 serving. */
async function finishedActivity(day: string) {
  const orderId = await addActivity(db, { communityId: a.communityId, startsAt: `${day}T09:00:00+08:00`, createdBy: a.secretary.id });
  await db.query(`update orders set leader_member_id = $2 where id = $1`, [orderId, a.members[0].id]);
  for (const [i, minutes] of [[1, 60], [2, 90]] as const) {
    await addService(db, { orderId, memberId: a.members[i].id, communityId: a.communityId, serviceDate: day, minutes, createdBy: a.secretary.id });
  }
  return orderId;
}

function filesOnDisk(): string[] {
  const root = path.join(dataDir, 'files');
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name).sort();
}
const photoState = async () => ({ rows: (await db.query(`select id from activity_brief_photos order by id`)).length, files: filesOnDisk() });

// A JPEG as a phone writes it: JFIF, then an Exif block with the orientation and a GPS IFD, then the frame and the scan.
const segment = (marker: number, payload: Buffer) => {
  const head = Buffer.from([0xff, marker, 0, 0]);
  head.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([head, payload]);
};
function exifWithGps(): Buffer {
  // big-endian TIFF; IFD0 with Orientation = 6 and the GPS IFD pointer (0x8825); the GPS IFD holds GPSLatitudeRef 'N'
  const ifd0 = Buffer.from([0x00, 0x02, 0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06, 0x00, 0x00,
    0x88, 0x25, 0x00, 0x04, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x26, 0x00, 0x00, 0x00, 0x00]);
  const gps = Buffer.from([0x00, 0x01, 0x00, 0x01, 0x00, 0x02, 0x00, 0x00, 0x00, 0x02, 0x4e, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00]);
  return Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), Buffer.from([0x4d, 0x4d, 0x00, 0x2a, 0x00, 0x00, 0x00, 0x08]), ifd0, gps, Buffer.from('GPS 22.25N 112.79E', 'latin1')]);
}
const SCAN = Buffer.concat([segment(0xda, Buffer.from([0x01, 0x01, 0x00, 0x00, 0x3f, 0x00])), Buffer.from([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]), Buffer.from([0xff, 0xd9])]);
const FRAME = segment(0xc0, Buffer.from([0x08, 0x01, 0xe0, 0x02, 0x80, 0x01, 0x01, 0x11, 0x00])); // 640 × 480
const JFIF = segment(0xe0, Buffer.from('JFIF\0\x01\x02\0\0\x01\0\x01\0\0', 'latin1'));
const jpegWithGps = Buffer.concat([Buffer.from([0xff, 0xd8]), JFIF, segment(0xe1, exifWithGps()), segment(0xe1, Buffer.from('http://ns.adobe.com/xap/1.0/\0<x:xmpmeta/>', 'latin1')), FRAME, SCAN]);

const chunk = (type: string, data: Buffer) => {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
};
const IHDR = Buffer.from([0, 0, 0, 3, 0, 0, 0, 2, 8, 2, 0, 0, 0]); // 3 × 2, RGB
const IDAT = chunk('IDAT', Buffer.from([0x78, 0x9c, 0x63, 0x60, 0x00, 0x00]));
const pngWithText = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', IHDR), chunk('tEXt', Buffer.from('Location\0台山市某小区', 'utf8')), IDAT, chunk('IEND', Buffer.alloc(0))]);

const upload = (orderId: string, bytes: Buffer, user: TestUser = a.secretary, fileName = 'photo.jpg') =>
  brief('uploadBriefPhoto', { orderId, fileName, dataBase64: bytes.toString('base64') }, user);

const storedBytes = async (photoId: string) => {
  const [row] = await db.query<{ storage_key: string }>(`select storage_key from activity_brief_photos where id = $1`, [photoId]);
  return fs.readFileSync(path.join(dataDir, 'files', row.storage_key));
};

describe('活动简讯: photos', () => {
  test('a photo too large, or not a JPEG or PNG by its bytes, is refused naming 照片 and stores nothing', async () => {
    const orderId = await finishedActivity('2026-11-02');
    const tooLarge = Buffer.concat([jpegWithGps, Buffer.alloc(800 * 1024)]);
    const error = await refusedUnchanged(photoState, () => upload(orderId, tooLarge), 'BRIEF_PHOTO_TOO_LARGE');
    expect(error.message).toContain('照片');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00,', 'latin1');
    const truncatedJpeg = jpegWithGps.subarray(0, 40); // a JPEG's start, cut before its frame and scan
    for (const bytes of [Buffer.from('这不是图片，只是一段文字'), gif, truncatedJpeg, pngWithText.subarray(0, 30)]) {
      const refused = await refusedUnchanged(photoState, () => upload(orderId, bytes), 'BRIEF_PHOTO_NOT_IMAGE');
      expect(refused.message).toContain('照片');
      expect(refused.fields).toEqual({ dataBase64: expect.stringContaining('照片') });
    }
  });

  test('a JPEG comes back without its Exif GPS block and XMP, the image data byte for byte, the orientation kept', async () => {
    const orderId = await finishedActivity('2026-11-03');
    const photo = await ok(upload(orderId, jpegWithGps));
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480, url: expect.stringMatching(/^\/files\/briefs\//) });
    const stored = await storedBytes(photo.id);
    const text = stored.toString('latin1');
    expect(text).not.toContain('GPS');
    expect(text).not.toContain('ns.adobe.com');
    expect(stored.includes(Buffer.from([0x88, 0x25]))).toBe(false);
    expect(stored.subarray(stored.length - SCAN.length).equals(SCAN)).toBe(true);
    expect(stored.includes(FRAME)).toBe(true);
    // The one Exif left holds only Orientation = 6.
    expect(text.split('Exif').length).toBe(2);
    expect(stored.includes(Buffer.from([0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, 0x06]))).toBe(true);
    expect(photo.bytes).toBe(stored.length);
  });

  test('a PNG loses its tEXt chunk and keeps the rest', async () => {
    const orderId = await finishedActivity('2026-11-04');
    const photo = await ok(upload(orderId, pngWithText, a.members[0], 'photo.png'));
    expect(photo).toMatchObject({ mime: 'image/png', width: 3, height: 2 });
    const stored = await storedBytes(photo.id);
    expect(stored.toString('latin1')).not.toContain('tEXt');
    expect(stored.includes(IDAT)).toBe(true);
  });
});

describe('活动简讯: writing and reading', () => {
  test('who may write: the secretary and the leader yes; another member and another community no; not before the end', async () => {
    const orderId = await finishedActivity('2026-11-05');
    for (const outsider of [a.members[1], b.secretary]) {
      expect((await failed(brief('saveBrief', { orderId, text: '活动顺利', photoIds: [] }, outsider))).code).toBe('BRIEF_NOT_YOURS');
      expect((await failed(upload(orderId, pngWithText, outsider))).code).toBe('BRIEF_NOT_YOURS');
    }
    expect((await failed(brief('brief', { orderId }, b.secretary))).code).toBe('BRIEF_CANNOT_SEE');
    await ok(brief('saveBrief', { orderId, text: '负责人写的简讯', photoIds: [] }, a.members[0]));
    await ok(brief('saveBrief', { orderId, text: '书记改过的简讯', photoIds: [] }, a.secretary));
    const upcoming = await addActivity(db, { communityId: a.communityId, startsAt: '2026-12-30T09:00:00+08:00', createdBy: a.secretary.id });
    await db.query(`update orders set status = 'published' where id = $1`, [upcoming]);
    expect((await failed(brief('saveBrief', { orderId: upcoming, text: '还没开始', photoIds: [] }, a.secretary))).code).toBe('BRIEF_ORDER_NOT_ENDED');
    await db.query(`update orders set status = 'cancelled', cancel_reason = '下雨' where id = $1`, [upcoming]);
    expect((await failed(brief('saveBrief', { orderId: upcoming, text: '取消了', photoIds: [] }, a.secretary))).code).toBe('BRIEF_ORDER_CANCELLED');
  });

  test('save and view: text, kept photos in order, the participants frozen, the due date five working days on, 逾期 when late', async () => {
    const clock = useWallClock(new Date('2026-11-10T10:00:00+08:00'));
    try {
      await renewTokens(db, a, b);
      const orderId = await finishedActivity('2026-11-06'); // a Friday: due Friday 11-13
      const first = await ok(upload(orderId, jpegWithGps));
      const second = await ok(upload(orderId, pngWithText));
      const pending = await ok(brief('brief', { orderId }, a.members[1]));
      expect(pending).toMatchObject({ submitted: false, dueOn: '2026-11-13', overdue: false, canEdit: false, participantsFrozen: false });
      expect(pending.participants.map((p: { name: string; hours: number }) => [p.name, p.hours])).toEqual([[a.members[1].name, 1], [a.members[2].name, 1.5]]);
      expect(pending.participants[0].volunteerNo).toBeUndefined();

      clock.set(new Date('2026-11-16T09:00:00+08:00'));
      await renewTokens(db, a, b);
      expect((await ok(brief('briefsDue', {}, a.secretary))).items).toEqual(
        expect.arrayContaining([expect.objectContaining({ orderId, dueOn: '2026-11-13', overdue: true })]),
      );
      const saved = await ok(brief('saveBrief', { orderId, text: '组织党员清扫社区广场。\n居民反响好。', photoIds: [second.id] }, a.secretary));
      expect(saved).toMatchObject({ submitted: true, late: true, text: '组织党员清扫社区广场。\n居民反响好。', authorName: a.secretary.name, canEdit: true });
      expect(saved.photos.map((p: { id: string }) => p.id)).toEqual([second.id]);
      expect(saved.participants[0].volunteerNo).toEqual(expect.any(String));
      expect(filesOnDisk()).not.toContain(path.basename((await db.query<{ storage_key: string }>(`select storage_key from activity_brief_photos where id = $1`, [first.id]))[0].storage_key));
      // A record added after the save does not change the frozen list.
      await addService(db, { orderId, memberId: a.members[0].id, communityId: a.communityId, serviceDate: '2026-11-06', minutes: 30, createdBy: a.secretary.id });
      const view = await ok(brief('brief', { orderId }, a.members[2]));
      expect(view).toMatchObject({ submitted: true, late: true, participantsFrozen: true });
      expect(view.participants).toHaveLength(2);
      expect((await ok(brief('briefsDue', {}, a.secretary))).items.map((item: { orderId: string }) => item.orderId)).not.toContain(orderId);
    } finally {
      clock.restore();
      await renewTokens(db, a, b);
    }
  });
});

describe('活动简讯: the deadline warning (JOB_PLANNERS.briefDeadline)', () => {
  const warnings = async (orderId: string) =>
    (await db.query<{ user_id: string; event_key: string }>(
      `select user_id, event_key from notifications where kind = 'brief_due' and event_key like '%' || $1 order by event_key, user_id`,
      [orderId],
    )).map((row) => [row.event_key.split(':')[0], row.user_id]);
  const plan = (at: string) => db.transaction((tx) => JOB_PLANNERS.briefDeadline(tx, new Date(at)));

  test('warns the secretary and the leader once when due within a working day, once more when overdue, counting across 国庆', async () => {
    const orderId = await finishedActivity('2026-09-30');
    const dueOn = addWorkingDays('2026-09-30', 5);
    // Five weekdays from 09-30 would be 10-07, inside the holiday: the due date lies after the 国庆 week.
    expect(dueOn > '2026-10-08').toBe(true);
    const told = [a.secretary.id, a.members[0].id].sort();
    await plan('2026-10-01T10:00:00+08:00');
    await plan('2026-10-06T10:00:00+08:00'); // a naive count would warn here (due "tomorrow")
    expect(await warnings(orderId)).toEqual([]);
    await plan(`${dueOn}T09:00:00+08:00`);
    await plan(`${dueOn}T15:00:00+08:00`);
    expect(await warnings(orderId)).toEqual(told.map((id) => ['brief-due', id]));
    const after = addWorkingDays(dueOn, 1);
    await plan(`${after}T09:00:00+08:00`);
    await plan(`${after}T18:00:00+08:00`);
    expect(await warnings(orderId)).toEqual([...told.map((id) => ['brief-due', id]), ...told.map((id) => ['brief-overdue', id])]);
  });

  test('a submitted 简讯 is never warned about', async () => {
    const orderId = await finishedActivity('2026-10-20');
    await ok(brief('saveBrief', { orderId, text: '按时提交', photoIds: [] }, a.secretary));
    await plan(`${addWorkingDays('2026-10-20', 6)}T09:00:00+08:00`);
    expect(await warnings(orderId)).toEqual([]);
  });
});

describe('活动简讯: the gateway serves the stored photos', () => {
  test('a stored key comes back with its type and nosniff; anything else is 404', async () => {
    const orderId = await finishedActivity('2026-11-09');
    const photo = await ok(upload(orderId, jpegWithGps));
    const server = createGatewayServer({ functions: cloudFunctions, staticDir: '/nonexistent', filesDir: path.join(dataDir, 'files') });
    const { port } = await listen(server, 0, '127.0.0.1');
    try {
      const answer = await fetch(`http://127.0.0.1:${port}${photo.url}`);
      expect([answer.status, answer.headers.get('content-type'), answer.headers.get('x-content-type-options')]).toEqual([200, 'image/jpeg', 'nosniff']);
      expect(Buffer.from(await answer.arrayBuffer()).equals(await storedBytes(photo.id))).toBe(true);
      for (const address of ['/files/briefs%2F..%2F..%2Fpglite%2FPG_VERSION', '/files/briefs/x.jpg', '/files/secrets.json', `/files/${photo.url.slice('/files/'.length).replace('.jpg', '.png')}`]) {
        expect((await fetch(`http://127.0.0.1:${port}${address}`)).status).toBe(404);
      }
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('活动简讯: the PDF export (orders.exportBrief)', () => {
  test('prints the title, time, place, community, text, photos and participants; a member of the community may export it too', async () => {
    const orderId = await finishedActivity('2026-11-11');
    const photo = await ok(upload(orderId, demoPhotoPng(), a.secretary, 'photo.png'));
    await ok(brief('saveBrief', { orderId, text: '组织党员为长者理发、量血压，共服务二十位居民。', photoIds: [photo.id] }, a.secretary));
    const file = await ok<{ fileName: string; mimeType: string; base64: string }>(brief('exportBrief', { orderId }, a.secretary));
    expect(file.mimeType).toBe('application/pdf');
    expect(file.fileName).toMatch(/^活动简讯-.+-20261111\.pdf$/);
    const text = pdfText(file.base64).replace(/\s+/g, '');
    const [order] = await db.query<{ title: string; place: string }>(`select title, place from orders where id = $1`, [orderId]);
    for (const expected of ['活动简讯', order.title, '2026年11月11日09:00', '简甲', '组织党员为长者理发、量血压，共服务二十位居民。', '照片（1张）', '参加人员名单（2人）', a.members[1].name, a.members[2].name, '志愿者编号', a.secretary.name]) {
      expect(text).toContain(expected.replace(/\s+/g, ''));
    }
    if (order.place) expect(text).toContain(order.place.replace(/\s+/g, ''));
    expect(imagesIn(file.base64)).toBe(1);
    // A member of the community sees it without the volunteer numbers; another community's secretary not at all.
    const memberCopy = pdfText((await ok<{ base64: string }>(brief('exportBrief', { orderId }, a.members[2]))).base64).replace(/\s+/g, '');
    expect(memberCopy).toContain(a.members[1].name);
    expect(memberCopy).not.toContain('志愿者编号');
    expect((await failed(brief('exportBrief', { orderId }, b.secretary))).code).toBe('BRIEF_CANNOT_SEE');
  });

  test('a 简讯 not yet written exports with its due date and the participants as the records stand', async () => {
    const orderId = await finishedActivity('2026-11-12');
    const text = pdfText((await ok<{ base64: string }>(brief('exportBrief', { orderId }, a.members[0]))).base64).replace(/\s+/g, '');
    expect(text).toContain('尚未提交');
    expect(text).toContain('（尚未填写）');
    expect(text).toContain('照片（0张）');
    expect(text).toContain(a.members[2].name);
  });
});

describe('活动简讯: a photo the mini-program uploaded to cloud storage first (fileId)', () => {
  /** The platform's files as WeChat cloud would give them: the local folder for what we keep, a map for the app's uploads. */
  function fakeCloudFiles() {
    const kept = localFileStore(dataDir);
    const uploads = new Map<string, Buffer>();
    const removedUploads: string[] = [];
    const store: FileStore = {
      ...kept,
      readUpload: async (fileId) => uploads.get(fileId),
      removeUpload: async (fileId) => {
        removedUploads.push(fileId);
        uploads.delete(fileId);
      },
    };
    return { store, uploads, removedUploads };
  }
  const fileIdOf = (orderId: string, name: string) => `cloud://prod-1a2b.7072-prod-1a2b-1300000000/brief-uploads/${orderId}/${name}.jpg`;

  test('is read, checked and kept without its Exif; the upload is removed once kept', async () => {
    const cloud = fakeCloudFiles();
    const wxOrders = createHandler(orderActions, { files: () => cloud.store });
    const orderId = await finishedActivity('2026-11-13');
    const fileId = fileIdOf(orderId, 'tmp_1');
    cloud.uploads.set(fileId, jpegWithGps);
    const photo = await ok(call(wxOrders, 'uploadBriefPhoto', { orderId, fileName: 'tmp_1.jpg', fileId }, a.secretary));
    expect(photo).toMatchObject({ mime: 'image/jpeg', width: 640, height: 480 });
    expect((await storedBytes(photo.id)).toString('latin1')).not.toContain('GPS');
    expect(cloud.removedUploads).toEqual([fileId]);
    expect(cloud.uploads.size).toBe(0);
  });

  test('too large or not an image: refused naming 照片, nothing kept, the upload removed', async () => {
    const cloud = fakeCloudFiles();
    const wxOrders = createHandler(orderActions, { files: () => cloud.store });
    const orderId = await finishedActivity('2026-11-16');
    for (const [name, bytes, code] of [
      ['big', Buffer.concat([jpegWithGps, Buffer.alloc(800 * 1024)]), 'BRIEF_PHOTO_TOO_LARGE'],
      ['text', Buffer.from('这不是图片'), 'BRIEF_PHOTO_NOT_IMAGE'],
    ] as const) {
      const fileId = fileIdOf(orderId, name);
      cloud.uploads.set(fileId, bytes);
      const error = await refusedUnchanged(photoState, () => call(wxOrders, 'uploadBriefPhoto', { orderId, fileName: `${name}.jpg`, fileId }, a.secretary), code);
      expect(error.fields).toEqual({ fileId: expect.stringContaining('照片') });
      expect(cloud.uploads.has(fileId)).toBe(false);
    }
    expect(cloud.removedUploads).toHaveLength(2);
  });

  test('an upload missing, or made for another order, is 请重新选择; both kinds of photo at once is a field error', async () => {
    const cloud = fakeCloudFiles();
    const wxOrders = createHandler(orderActions, { files: () => cloud.store });
    const orderId = await finishedActivity('2026-11-17');
    const other = await finishedActivity('2026-11-18');
    const foreign = fileIdOf(other, 'theirs');
    cloud.uploads.set(foreign, jpegWithGps);
    for (const fileId of [fileIdOf(orderId, 'never'), foreign]) {
      const error = await refusedUnchanged(photoState, () => call(wxOrders, 'uploadBriefPhoto', { orderId, fileName: 'x.jpg', fileId }, a.secretary), 'BRIEF_UPLOAD_NOT_FOUND');
      expect(error.fields).toEqual({ fileId: expect.stringContaining('照片') });
    }
    expect(cloud.uploads.has(foreign)).toBe(true); // another order's upload is left alone
    const both = await failed(call(wxOrders, 'uploadBriefPhoto', { orderId, fileName: 'x.jpg', fileId: fileIdOf(orderId, 'a'), dataBase64: jpegWithGps.toString('base64') }, a.secretary));
    expect([both.code, both.fields]).toEqual(['VALIDATION_FAILED', { fileId: expect.stringContaining('照片') }]);
    const neither = await failed(call(wxOrders, 'uploadBriefPhoto', { orderId, fileName: 'x.jpg' }, a.secretary));
    expect([neither.code, neither.fields]).toEqual(['VALIDATION_FAILED', { dataBase64: '请选择照片' }]);
    const notOurs = await failed(call(wxOrders, 'uploadBriefPhoto', { orderId, fileName: 'x.jpg', fileId: 'cloud://prod/briefs/secret.jpg' }, a.secretary));
    expect(notOurs.fields).toEqual({ fileId: expect.stringContaining('fileId') });
  });
});

describe('活动简讯 in the 季报表 (项目)', () => {
  test("a submitted 简讯 gives its activity's 项目 the text, shortened, and its photo count, on screen and in the Excel", async () => {
    const withBrief = await finishedActivity('2026-11-19');
    const without = await finishedActivity('2026-11-20');
    const photo = await ok(upload(withBrief, demoPhotoPng(), a.secretary, 'photo.png'));
    const long = `组织党员到长者家中清洁厨房、检查燃气阀门。${'居民纷纷点赞，'.repeat(10)}下次继续。`;
    await ok(brief('saveBrief', { orderId: withBrief, text: long, photoIds: [photo.id] }, a.secretary));
    const report = await ok(call(reports, 'quarterlyReport', { year: 2026, quarter: 4 }, a.secretary));
    const row = (orderId: string) => report.current.activities.find((activity: { orderId: string }) => activity.orderId === orderId);
    expect(row(withBrief).brief).toEqual({ summary: expect.stringMatching(/^组织党员到长者家中清洁厨房、检查燃气阀门。居民纷纷点赞/), photos: 1, late: true }); // saved today, after its due date
    expect([...row(withBrief).brief.summary].length).toBeLessThanOrEqual(61);
    expect(row(without).brief).toBeUndefined();

    const file = await ok<{ base64: string }>(call(reports, 'exportQuarterlyReport', { year: 2026, quarter: 4 }, a.secretary));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.getWorksheet('季报表')!.eachRow((r) => cells.push(...Array.from(r.values as unknown[], (value) => String(value ?? ''))));
    const [order] = await db.query<{ title: string }>(`select title from orders where id = $1`, [withBrief]);
    expect(cells.find((cell) => cell.includes('简讯：组织党员到长者家中'))).toMatch(new RegExp(`${order.title}（2026年11月19日）\\n简讯：.+（照片1张，逾期提交）$`));
  });
});
