import { config } from 'zod/v4/core'

// The gateway's CSP allows no eval: zod would otherwise probe for it with new Function, a CSP violation.
config({ jitless: true })
