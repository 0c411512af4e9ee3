import fs from 'node:fs'
import path from 'node:path'

// The token file is the contract every page draws from: its 长辈模式 values meet the CSS-px targets, and every
// text colour it names keeps 4.5:1 on every surface it is meant for. The browser suite checks the drawn pages too.
const source = fs.readFileSync(path.join(__dirname, 'tokens.scss'), 'utf8')

function mixin(name: string): Record<string, string> {
  const body = new RegExp(`@mixin ${name} \\{([^}]*)\\}`).exec(source)?.[1] ?? ''
  return Object.fromEntries(Array.from(body.matchAll(/--([\w-]+):\s*([^;]+);/g), (match) => [match[1], match[2].trim()]))
}

/** Taro's 750-wide design px on a 375 CSS-px phone. */
const cssPx = (value: string) => Number.parseFloat(value) / 2

const luminance = (hex: string) => {
  const [r, g, b] = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255)
  const channel = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (light + 0.05) / (dark + 0.05)
}

describe('design tokens', () => {
  const normal = mixin('normal-values')
  const elder = mixin('elder-values')
  const colours = mixin('colours')

  it('should give 长辈模式 every text at least 18 px, inputs at least 20 px and buttons at least 48 px', () => {
    for (const size of ['xs', 's', 'm', 'l', 'xl', 'xxl']) expect(cssPx(elder[`dy-text-${size}`])).toBeGreaterThanOrEqual(18)
    expect(cssPx(elder['dy-text-input'])).toBeGreaterThanOrEqual(20)
    for (const height of ['dy-touch-min', 'dy-button-height', 'dy-button-large-height']) expect(cssPx(elder[height])).toBeGreaterThanOrEqual(48)
  })

  it('should define in 长辈模式 every size normal mode defines, each at least as large', () => {
    for (const [name, value] of Object.entries(normal)) {
      if (!/^dy-(text|touch|button)/.test(name) || name === 'dy-touch-scale') continue
      expect(elder[name]).toBeDefined()
      expect(Number.parseFloat(elder[name])).toBeGreaterThanOrEqual(Number.parseFloat(value))
    }
  })

  it.each([
    ['text', 'surface'],
    ['text', 'background'],
    ['text-secondary', 'surface'],
    ['text-secondary', 'background'],
    ['placeholder', 'surface'],
  ])('should keep %s on %s at 4.5:1 in both modes', (text, surface) => {
    for (const mode of [normal, elder]) expect(contrast(mode[`dy-color-${text}`], colours[`dy-color-${surface}`])).toBeGreaterThanOrEqual(4.5)
  })

  it.each(['waiting', 'active', 'done', 'muted', 'alert'])('should keep the %s tone readable as text on its tint and as a tag under white', (tone) => {
    const text = colours[`dy-tone-${tone}-text`]
    expect(contrast(text, colours[`dy-tone-${tone}-bg`])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(text, '#ffffff')).toBeGreaterThanOrEqual(4.5)
  })

  it('should keep the brand red readable on white, on its tint, and under white text', () => {
    expect(contrast(colours['dy-color-brand'], colours['dy-color-surface'])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(colours['dy-color-brand'], colours['dy-color-brand-light'])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(colours['dy-color-on-brand'], colours['dy-color-brand'])).toBeGreaterThanOrEqual(4.5)
    expect(contrast(colours['dy-color-danger'], colours['dy-color-danger-light'])).toBeGreaterThanOrEqual(4.5)
  })

  it('should keep the star glyphs readable on white and on the sunken surface', () => {
    for (const surface of ['surface', 'surface-sunken']) expect(contrast(colours['dy-color-star'], colours[`dy-color-${surface}`])).toBeGreaterThanOrEqual(4.5)
  })
})
