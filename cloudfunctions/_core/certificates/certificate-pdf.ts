import { drawQrCode, drawSealBox, drawTable } from '../documents/pdf-layout';
import { PAGE_MARGIN, renderPdf } from '../documents/pdf';
import type { CertificateSnapshot } from './certificates.schemas';
import { certificateHours } from './service-block';

const hoursText = (minutes: number) => certificateHours(minutes).toFixed(1);

const BASIS = '本证明依据《志愿服务条例》第十九条和《志愿服务记录与证明出具办法（试行）》，根据志愿服务记录无偿、如实出具。';

/**
 * The certificate as the 2015 recommended format lays it out (民发〔2015〕149号): 志愿者身份信息, 志愿服务信息,
 * 出具主体信息, 证明编号与出具日期, then the signatures, the seal box and the QR code that opens the public check.
 */
export function certificatePdf(snapshot: CertificateSnapshot, verification: { url: string; code: string }, { revoked = false } = {}) {
  return renderPdf({ fileName: `志愿服务证明-${snapshot.number}.pdf`, title: `志愿服务证明 ${snapshot.number}` }, (doc) => {
    const left = PAGE_MARGIN;
    const width = doc.page.width - 2 * PAGE_MARGIN;
    const pageBottom = () => doc.page.height - doc.page.margins.bottom;
    const ensureRoom = (height: number) => {
      if (doc.y + height > pageBottom()) doc.addPage();
    };
    const heading = (text: string) => {
      ensureRoom(60);
      doc.moveDown(0.5).fontSize(12).text(text, left, doc.y, { width });
      doc.moveDown(0.2);
    };
    const { volunteer, service, issuer } = snapshot;

    doc.fontSize(22).text('志愿服务证明', left, PAGE_MARGIN + 6, { width, align: 'center', characterSpacing: 4 });
    if (revoked) doc.fontSize(12).text('（此证明已作废）', left, doc.y, { width, align: 'center' });
    doc.moveDown(0.4).fontSize(10).text(`证明编号：${snapshot.number}`, left, doc.y, { width, align: 'right' });
    doc.moveDown(0.6).fontSize(11).text(
      `兹证明 ${volunteer.name}（志愿者编号 ${volunteer.volunteerNo}）于 ${service.periodFrom} 至 ${service.periodTo} 期间，` +
        `参加${service.organisation}组织的志愿服务 ${service.serviceCount} 次，经扫码核验的服务时长共计 ${hoursText(service.minutes)} 小时。`,
      left,
      doc.y,
      { width, lineGap: 4, indent: 22 },
    );

    heading('一、志愿者身份信息');
    const identity = [['姓名', volunteer.name], ['志愿者编号', volunteer.volunteerNo], ...(volunteer.idNumber ? [['身份证号码', volunteer.idNumber]] : [])];
    drawTable(doc, {
      x: left, y: doc.y, repeatHeader: true, fontSize: 10,
      columns: identity.map(([title]) => ({ title, width: width / identity.length })),
      rows: [identity.map(([, value]) => value)],
    });

    heading('二、志愿服务信息');
    const columns = [
      { title: '服务日期', width: 78, align: 'center' as const },
      { title: '服务地点', width: 150 },
      { title: '服务内容', width: width - 78 - 150 - 80 },
      { title: '时长（小时）', width: 80, align: 'right' as const },
    ];
    const rows = service.lines.map((line) => [line.date, line.place, line.content, hoursText(line.minutes)]);
    rows.push(['合计', `${service.serviceCount} 次`, `${service.contents.length} 项服务内容`, hoursText(service.minutes)]);
    drawTable(doc, { x: left, y: doc.y, columns, rows, repeatHeader: true, fontSize: 9, minRowHeight: 16 });
    doc.moveDown(0.4).fontSize(9).text(snapshot.statement, left, doc.y, { width });
    if (service.excluded.count > 0) {
      doc.text(`另有手工补录或更正的服务 ${service.excluded.count} 次、${hoursText(service.excluded.minutes)} 小时，未计入上列时长。`, left, doc.y, { width });
    }

    if (snapshot.trainings.length > 0 || snapshot.awards.length > 0) {
      heading('培训与表彰奖励情况');
      if (snapshot.trainings.length > 0) {
        drawTable(doc, {
          x: left, y: doc.y, repeatHeader: true, fontSize: 9, minRowHeight: 16,
          columns: [{ title: '类别', width: 60 }, { title: '培训名称', width: width - 60 - 130 - 120 - 50 }, { title: '组织单位', width: 130 }, { title: '时间', width: 120 }, { title: '时数', width: 50, align: 'right' }],
          rows: snapshot.trainings.map((t) => [t.kind, t.title, t.organiser, t.startedOn === t.endedOn ? t.startedOn : `${t.startedOn} 至 ${t.endedOn}`, String(t.hours)]),
        });
        doc.moveDown(0.3);
      }
      if (snapshot.awards.length > 0) {
        drawTable(doc, {
          x: left, y: doc.y, repeatHeader: true, fontSize: 9, minRowHeight: 16,
          columns: [{ title: '表彰奖励名称', width: width - 70 - 150 - 80 }, { title: '级别', width: 70 }, { title: '授予单位', width: 150 }, { title: '时间', width: 80 }],
          rows: snapshot.awards.map((a) => [a.title, a.level, a.awardingBody, a.awardedOn]),
        });
      }
    }

    heading('三、出具单位信息');
    drawTable(doc, {
      x: left, y: doc.y, repeatHeader: true, fontSize: 10,
      columns: [{ title: '出具单位', width: width * 0.34 }, { title: '负责人', width: width * 0.2 }, { title: '经办人', width: width * 0.2 }, { title: '联系电话', width: width * 0.26 }],
      rows: [[issuer.name, issuer.responsiblePerson, issuer.handler, issuer.contactPhone]],
    });

    heading('四、证明编号及出具日期');
    const notes = [snapshot.purpose ? `用途：${snapshot.purpose}` : '', snapshot.replacesNumber ? `本证明替代已作废的证明 ${snapshot.replacesNumber}` : '']
      .filter(Boolean)
      .join('；');
    drawTable(doc, {
      x: left, y: doc.y, repeatHeader: true, fontSize: 10,
      columns: [{ title: '证明编号', width: width * 0.25 }, { title: '出具日期', width: width * 0.2 }, { title: '其他需要说明的事项', width: width * 0.55 }],
      rows: [[snapshot.number, snapshot.issuedOn, notes || '无']],
    });

    const signHeight = 130;
    ensureRoom(signHeight + 30);
    const top = doc.y + 16;
    const qrSize = 84;
    drawQrCode(doc, verification.url, { x: left, y: top, size: qrSize });
    doc.fontSize(8).text(`扫码核验　核验码 ${verification.code}`, left - 4, top + qrSize + 4, { width: qrSize + 30 });
    doc.fontSize(10);
    doc.text('负责人（签字）：', left + qrSize + 30, top + 14);
    doc.text('经办人（签字）：', left + qrSize + 30, top + 58);
    drawSealBox(doc, { x: left + width - 200, y: top, width: 200, height: 110, label: `出具单位：${issuer.name}` });
    doc.fontSize(8).text(BASIS, left, top + signHeight - 4, { width });
  });
}
