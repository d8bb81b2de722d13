// Dollars as people read them: cents to three places under a dollar, four under a cent.

export function usd(n: number): string {
  if (n === 0) return '$0'
  return n < 0.01 ? `$${n.toFixed(4)}` : `$${n.toFixed(n < 1 ? 3 : 2)}`
}
