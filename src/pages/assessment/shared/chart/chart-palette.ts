// A canvas cannot read CSS variables, so the chart's colours are the tokens' values written once
// here; chart-palette.spec.ts fails when src/styles/tokens.scss changes one of them.
export const CHART_PALETTE = {
  brand: '#c8161d', // --dy-color-brand
  done: '#1f6b22', // --dy-tone-done-text
  active: '#0b57b8', // --dy-tone-active-text
  waiting: '#ad4e00', // --dy-tone-waiting-text
  muted: '#555555', // --dy-tone-muted-text
  text: '#1f1f1f', // --dy-color-text
  textSecondary: '#5c5c5c', // --dy-color-text-secondary
  border: '#ece6e2', // --dy-color-border
  surface: '#ffffff', // --dy-color-surface
} as const

export type ChartTone = 'brand' | 'done' | 'active' | 'waiting' | 'muted'

export const CHART_TOKEN_OF: Record<keyof typeof CHART_PALETTE, string> = {
  brand: '--dy-color-brand',
  done: '--dy-tone-done-text',
  active: '--dy-tone-active-text',
  waiting: '--dy-tone-waiting-text',
  muted: '--dy-tone-muted-text',
  text: '--dy-color-text',
  textSecondary: '--dy-color-text-secondary',
  border: '--dy-color-border',
  surface: '--dy-color-surface',
}
