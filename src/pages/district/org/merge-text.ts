import type { OrgCommunity, OrgGrid, OrgStreet, OrgTree } from '@/services/api/org'

export type MergeKind = 'street' | 'community' | 'grid'
export type MergeSource = { kind: MergeKind; node: OrgStreet | OrgCommunity | OrgGrid; communityId?: string }

const KIND_TEXT: Record<MergeKind, string> = { street: '街道', community: '社区', grid: '网格' }

/** What may take a merged organisation in: a grid of the same community, any other community or street of the district. */
export function mergeTargets(tree: OrgTree, source: MergeSource): { value: string; text: string; sub?: string }[] {
  if (source.kind === 'street') return tree.streets.filter((s) => s.id !== source.node.id).map((s) => ({ value: s.id, text: s.name }))
  if (source.kind === 'community') {
    return tree.streets.flatMap((street) =>
      street.communities.filter((c) => c.id !== source.node.id).map((c) => ({ value: c.id, text: c.name, sub: street.name })),
    )
  }
  const community = tree.streets.flatMap((s) => s.communities).find((c) => c.id === source.communityId)
  return (community?.grids ?? []).filter((g) => g.id !== source.node.id).map((g) => ({ value: g.id, text: g.name, sub: `党员${g.members}名 · 居民${g.residents}名` }))
}

/** The sentence shown before a merge: what moves, and that it cannot be undone. */
export function mergeMessage(source: MergeSource, intoName: string): string {
  const { node, kind } = source
  const people = `${node.members}名党员、${node.residents}名居民`
  const what =
    kind === 'grid'
      ? `「${node.name}」的${people}（以及待确认报到的网格）将转入「${intoName}」。`
      : kind === 'community'
        ? `「${node.name}」的${people}，以及它的网格、书记、需求、订单、服务记录、结对单位、待确认的报到和未使用的报到单将全部转入「${intoName}」；党员的社区经历保留原社区一段。`
        : `「${node.name}」下的${(node as OrgStreet).communities.length}个社区（${people}）将转到「${intoName}」下。`
  return `${what}「${node.name}」将归档保留，不再显示。合并后不能撤销，确定合并这个${KIND_TEXT[kind]}吗？`
}

export { KIND_TEXT }
