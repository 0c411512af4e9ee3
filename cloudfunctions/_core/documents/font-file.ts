import fs from 'node:fs';
import path from 'node:path';

/** The CJK font every PDF embeds (a subset of it): Noto Sans SC Regular, SIL Open Font License 1.1. */
export const CJK_FONT_FILE = 'NotoSansSC-Regular.ttf';
export const CJK_FONT_LICENCE_FILE = 'OFL.txt';

/** Where npm puts the font: what the build copies beside each function that renders, and what the gateway and jest read. */
export const CJK_FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc';
export const CJK_FONT_PACKAGE_PATHS = { font: '400Regular/NotoSansSC_400Regular.ttf', licence: 'LICENSE_FONT' } as const;

let resolved: string | undefined;

/**
 * The font's path: beside the running bundle (a deployed cloud function), else in node_modules (the gateway, jest,
 * scripts run from the sources).
 */
export function cjkFontPath(): string {
  if (resolved) return resolved;
  const beside = path.join(__dirname, CJK_FONT_FILE);
  if (fs.existsSync(beside)) return (resolved = beside);
  const packageJson = require.resolve(`${CJK_FONT_PACKAGE}/package.json`);
  const fromPackage = path.join(path.dirname(packageJson), CJK_FONT_PACKAGE_PATHS.font);
  if (!fs.existsSync(fromPackage)) throw new Error(`PDF 字体缺失：${fromPackage}`);
  return (resolved = fromPackage);
}
