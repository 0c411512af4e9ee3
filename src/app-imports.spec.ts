import fs from 'node:fs'
import path from 'node:path'

const ROOT = path.resolve(__dirname, '..')
const SRC = path.join(ROOT, 'src')
const CORE = path.join(ROOT, 'cloudfunctions', '_core')

/** Every `import … from` and `export … from` of a file that is still there once types are erased. */
function runtimeImports(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8')
  const found: string[] = []
  for (const match of text.matchAll(/^\s*(import|export)\s+([^'";]*?)\s*from\s+['"]([^'"]+)['"]/gms)) {
    const [, , clause, specifier] = match
    if (/^type\s/.test(clause)) continue
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1]
    if (names !== undefined && names.split(',').every((name) => !name.trim() || /^type\s/.test(name.trim()))) continue
    found.push(specifier)
  }
  for (const match of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) found.push(match[1])
  return found
}

function resolveSource(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@core/')
    ? path.join(CORE, specifier.slice('@core/'.length))
    : specifier.startsWith('@/')
      ? path.join(SRC, specifier.slice(2))
      : specifier.startsWith('.')
        ? path.resolve(path.dirname(from), specifier)
        : undefined
  if (!base) return undefined
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((candidate) => fs.existsSync(candidate))
}

const appFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return appFiles(full)
    return /\.(ts|tsx)$/.test(entry.name) && !/\.(spec|test)\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : []
  })

/** The chain of files by which `start` reaches a package the app must not ship, or null. */
function pathToForbidden(start: string, forbidden: (specifier: string) => boolean): string[] | null {
  const seen = new Set<string>()
  const walk = (file: string, chain: string[]): string[] | null => {
    if (seen.has(file)) return null
    seen.add(file)
    for (const specifier of runtimeImports(file)) {
      if (forbidden(specifier)) return [...chain, file, specifier]
      const next = resolveSource(file, specifier)
      if (next) {
        const found = walk(next, [...chain, file])
        if (found) return found
      }
    }
    return null
  }
  return walk(start, [])
}

describe('what the app ships', () => {
  // zod builds its schemas with `new Function` unless told not to: in the app that is a CSP violation in H5, and
  // tens of KB in every weapp package that reaches it. The app shares the back end's types and plain rules only.
  it('should reach zod (or node:) through no runtime import, only through `import type`', () => {
    const isForbidden = (specifier: string) => specifier === 'zod' || specifier.startsWith('zod/') || specifier.startsWith('node:')
    const chains = appFiles(SRC)
      .map((file) => pathToForbidden(file, isForbidden))
      .filter((chain): chain is string[] => chain !== null)
      .map((chain) => chain.map((part) => path.relative(ROOT, part)).join(' → '))
    expect([...new Set(chains)]).toEqual([])
  })

  it('should see through the import forms it reads', () => {
    const dir = fs.mkdtempSync(path.join(SRC, '.imports-check-'))
    try {
      const file = path.join(dir, 'sample.ts')
      fs.writeFileSync(file, [
        "import type { z } from 'zod'",
        "import { type A, type B } from './a'",
        "import { C,\n  type D } from './c'",
        "export { E } from './e'",
        "import './side-effect'",
      ].join('\n'))
      expect(runtimeImports(file)).toEqual(['./c', './e', './side-effect'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
