import fs from 'node:fs'
import path from 'node:path'
import { CHART_PALETTE, CHART_TOKEN_OF } from './chart-palette'

const tokens = fs.readFileSync(path.join(__dirname, '../../../../styles/tokens.scss'), 'utf8')
const tokenValue = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-f]{6});`, 'i').exec(tokens)?.[1]?.toLowerCase()

describe('chart palette', () => {
  it.each(Object.keys(CHART_PALETTE) as Array<keyof typeof CHART_PALETTE>)('should draw %s in the value of its design token', (key) => {
    expect(CHART_PALETTE[key]).toBe(tokenValue(CHART_TOKEN_OF[key]))
  })
})
