import type * as z from 'zod';
import { PAGE_MARGIN, renderPdf } from '../../documents/pdf';
import { drawTable, type TableColumn } from '../../documents/pdf-layout';
import { formatBusinessTime, inBusinessZone } from '../../shared/business-time';
import type { BriefView } from './briefs.schemas';

type View = z.output<typeof BriefView>;

/** A photo's bytes as kept (already stripped of Exif), with its size for the layout. */
export interface PrintedPhoto {
  bytes: Buffer;
  width: number;
  height: number;
}

/** 2026-11-06 → 2026年11月6日 */
const chineseDate = (day: string) => `${Number(day.slice(0, 4))}年${Number(day.slice(5, 7))}月${Number(day.slice(8, 10))}日`;

/** 2026年11月6日 09:00—11:00, the end's date written again only when it is another day. */
export function activityTime(view: Pick<View, 'startsAt' | 'endsAt'>): string {
  const start = inBusinessZone(new Date(view.startsAt));
  const end = inBusinessZone(new Date(view.endsAt));
  const sameDay = start.format('YYYY-MM-DD') === end.format('YYYY-MM-DD');
  return `${chineseDate(start.format('YYYY-MM-DD'))} ${start.format('HH:mm')}—${sameDay ? '' : `${chineseDate(end.format('YYYY-MM-DD'))} `}${end.format('HH:mm')}`;
}

/** 简讯的状态, as the page says it: 已提交 (with who and when, 逾期提交 when late), or still due. */
export function briefState(view: View): string {
  if (view.submitted) {
    return `已提交：${view.authorName ?? ''}，${formatBusinessTime(new Date(view.submittedAt!))}${view.late ? '（逾期提交）' : ''}`;
  }
  return `尚未提交，应于 ${chineseDate(view.dueOn)} 前提交${view.overdue ? '（已逾期）' : ''}`;
}

export const briefFileName = (view: Pick<View, 'title' | 'startsAt'>) =>
  `活动简讯-${view.title.replace(/[\\/:*?"<>|\s]+/g, '')}-${inBusinessZone(new Date(view.startsAt)).format('YYYYMMDD')}.pdf`;

const PHOTO_GAP = 12;
const PHOTO_HEIGHT = 200;

/**
 * 活动简讯 as an A4 PDF: the activity (title, time, place, community), the 简讯's text, its photos two to a row, and
 * the participant list (with 志愿者编号 for who may edit, as on the page). A photo the PDF library cannot read is
 * named as missing rather than failing the whole document.
 */
export function renderBriefPdf(view: View, photos: PrintedPhoto[]) {
  return renderPdf({ fileName: briefFileName(view), title: `活动简讯：${view.title}` }, (doc) => {
    const x = PAGE_MARGIN;
    const width = doc.page.width - 2 * PAGE_MARGIN;
    const bottom = () => doc.page.height - doc.page.margins.bottom;
    const room = (needed: number) => {
      if (doc.y + needed > bottom()) doc.addPage();
      return doc.y;
    };
    doc.fontSize(18).text('活动简讯', x, PAGE_MARGIN, { width, align: 'center', characterSpacing: 2 });
    doc.fontSize(14).text(view.title, x, doc.y + 8, { width, align: 'center' });
    doc.fontSize(10.5).moveDown(0.8);
    for (const [label, value] of [['时间', activityTime(view)], ['地点', view.place || '—'], ['社区', view.communityName], ['状态', briefState(view)]]) {
      doc.text(`${label}：${value}`, x, doc.y + 2, { width });
    }
    doc.fontSize(12).text('简讯', x, room(60) + 14, { width });
    doc.fontSize(10.5).text(view.text.trim() || '（尚未填写）', x, doc.y + 6, { width, lineGap: 4 });

    doc.fontSize(12).text(`照片（${photos.length} 张）`, x, room(60) + 14, { width });
    let y = doc.y + 6;
    const cell = (width - PHOTO_GAP) / 2;
    photos.forEach((photo, i) => {
      const column = i % 2;
      if (column === 0 && y + PHOTO_HEIGHT > bottom()) {
        doc.addPage();
        y = doc.page.margins.top;
      }
      const left = x + column * (cell + PHOTO_GAP);
      try {
        doc.image(photo.bytes, left, y, { fit: [cell, PHOTO_HEIGHT], align: 'center', valign: 'center' });
      } catch {
        doc.fontSize(9).text(`（第 ${i + 1} 张照片无法显示）`, left, y + PHOTO_HEIGHT / 2, { width: cell, align: 'center' });
      }
      if (column === 1 || i === photos.length - 1) y += PHOTO_HEIGHT + PHOTO_GAP;
    });
    if (photos.length === 0) doc.fontSize(10.5).text('（无）', x, y, { width });
    else doc.y = y;

    const withNumbers = view.participants.some((p) => p.volunteerNo !== undefined);
    doc.fontSize(12).text(`参加人员名单（${view.participants.length} 人）`, x, room(80) + 14, { width });
    const columns: TableColumn[] = withNumbers
      ? [{ title: '序号', width: 50, align: 'center' }, { title: '姓名', width: 180 }, { title: '志愿者编号', width: 171 }, { title: '时数（小时）', width: width - 401, align: 'center' }]
      : [{ title: '序号', width: 50, align: 'center' }, { title: '姓名', width: 300 }, { title: '时数（小时）', width: width - 350, align: 'center' }];
    const rows = view.participants.map((p, i) => [String(i + 1), p.name, ...(withNumbers ? [p.volunteerNo ?? ''] : []), String(p.hours)]);
    drawTable(doc, { x, y: doc.y + 6, columns, rows: rows.length ? rows : [['', '无', ...(withNumbers ? [''] : []), '']], repeatHeader: true, fontSize: 10, minRowHeight: 22 });
    doc.fontSize(8.5).text(view.participantsFrozen ? '名单为提交简讯时的服务记录。' : '名单为目前的服务记录，提交简讯时定格。', x, doc.y + 8, { width });
  });
}
