const pad = (value: number) => String(value).padStart(2, '0')

/** The wheels' year, month and day as a business day, e.g. 2025-10-01. */
export const dayOfPicked = (values: unknown[]) => {
  const [year, month, day] = values.map(Number)
  return `${year}-${pad(month)}-${pad(day)}`
}
