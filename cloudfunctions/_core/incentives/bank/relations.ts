/** 直系亲属: how the relative is related to the member (the relative is the member's …). */
export const RELATIONS = {
  father: '父亲',
  mother: '母亲',
  spouse: '配偶',
  son: '儿子',
  daughter: '女儿',
  paternal_grandfather: '祖父',
  paternal_grandmother: '祖母',
  maternal_grandfather: '外祖父',
  maternal_grandmother: '外祖母',
  grandson: '孙子',
  granddaughter: '孙女',
  daughters_son: '外孙子',
  daughters_daughter: '外孙女',
} as const;

export type Relation = keyof typeof RELATIONS;
export const RELATION_KEYS = Object.keys(RELATIONS) as [Relation, ...Relation[]];
