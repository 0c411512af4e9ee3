import type * as z from 'zod';
import { addFormSheet, chineseDate, mergedLine, newFormWorkbook, tableRow } from '../reports/workbook-style';
import type { OrganisationRatesView } from './organisation-rates.schemas';

type View = z.output<typeof OrganisationRatesView>;

export const RATES_HEADINGS = ['序号', '街道', '组织名称', '类别', '考核办法', '考核指标', '分子', '分母', '比率（%）', '达标值（%）', '是否达标', '还差', '组织结论', '未达标的后果'];

const KIND_LABELS = { community: '社区党组织', unit: '单位党组织' } as const;
const RATE_STATUS_LABELS = { met: '达标', not_met: '未达标', not_applicable: '不考核' } as const;
const ORGANISATION_STATUS_LABELS = { passing: '达标', failing: '未达标', not_assessed: '不考核' } as const;

export const RATES_NOTE =
  '注：注册率 = 已报到并经社区确认的在职党员 ÷ 在职党员总数（含持未作废报到单尚未报到的）；参与率 = 当年有已认定服务的注册党员义工 ÷ 注册党员义工（免除考核的不计）；满意率 = 回访“满意”的评价 ÷ 全部回访评价（“基本满意”不计入满意）。分母为0的指标不考核。';

const ruleSetText = (ruleSet: View['organisations'][number]['ruleSet']) =>
  `${ruleSet.name}${ruleSet.version ? `（第${ruleSet.version}版）` : ''}${ruleSet.origin === 'earlier_year' ? '（沿用往年）' : ruleSet.origin === 'default' ? '（默认）' : ''}`;

/** 基层党组织考核比率 as a workbook: one line per organisation and rate, with its numerator and denominator against the threshold. */
export function buildOrganisationRatesWorkbook(view: View, heading: string, exportedOn: string) {
  const workbook = newFormWorkbook();
  const columns = RATES_HEADINGS.length;
  const sheet = addFormSheet(workbook, '组织考核比率', 'landscape', '4:4');
  sheet.columns = [6, 12, 22, 12, 20, 18, 8, 8, 10, 10, 9, 30, 9, 24].map((width) => ({ width }));
  mergedLine(sheet, columns, `${view.year}年度基层党组织考核比率（${heading}）`, { size: 16, bold: true, align: 'center', height: 32 });
  const { summary } = view;
  mergedLine(sheet, columns, `共${summary.organisations}个组织：达标${summary.passing}个，未达标${summary.failing}个，不考核${summary.notAssessed}个`, { height: 20 });
  mergedLine(sheet, columns, `导出日期：${chineseDate(exportedOn)}`, { align: 'right', height: 20 });
  tableRow(sheet, RATES_HEADINGS, { bold: true, height: 30 });
  view.organisations.forEach((organisation, index) => {
    const lines = organisation.rates.length > 0 ? organisation.rates : [null];
    for (const rate of lines) {
      const row = tableRow(
        sheet,
        [
          index + 1,
          organisation.streetName ?? '',
          organisation.name,
          KIND_LABELS[organisation.kind],
          ruleSetText(organisation.ruleSet),
          rate?.title ?? '考核办法未设组织比率',
          rate?.numerator ?? '',
          rate?.denominator ?? '',
          rate?.rate ?? '—',
          rate?.threshold ?? '',
          rate ? RATE_STATUS_LABELS[rate.status] : '不考核',
          rate?.status === 'not_met' ? rate.advice : '',
          ORGANISATION_STATUS_LABELS[organisation.status],
          organisation.consequences.join('、'),
        ],
        { height: 30 },
      );
      row.getCell(12).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    }
  });
  mergedLine(sheet, columns, RATES_NOTE, { height: 34 });
  sheet.views = [{ state: 'frozen', ySplit: 4, xSplit: 0 }];
  return workbook;
}
