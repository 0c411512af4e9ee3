import { useState } from 'react'
import { View } from '@tarojs/components'
import { Input } from '@nutui/nutui-react-taro'
import type { RegistrationOptions } from '@/services/api/registration'
import { Chips, Field, Section, type SectionProps } from './parts'

type Props = SectionProps & { options: RegistrationOptions }

/** 认领岗位 and 服务意向: the posts claimed, the kinds of service wanted (a category opens its items), skills and hobbies. */
export function PostsIntentionsSection({ draft, errors, update, options }: Props) {
  const [openCategory, setOpenCategory] = useState<string | null>(null)
  const togglePost = (post: string) => update({ posts: draft.posts.includes(post) ? draft.posts.filter((p) => p !== post) : [...draft.posts, post] })

  return (
    <>
      <Section title="认领岗位">
        <Field name="posts" label="党员责任岗" required hint="至少认领一个" errors={errors}>
          <Chips items={options.posts.map((p) => ({ value: p, text: p }))} chosen={(v) => draft.posts.includes(v)} onTap={togglePost} />
        </Field>
      </Section>

      <Section title="服务意向">
        <Field name="intentions" label="愿意参加的服务" hint="点类别展开具体项目" errors={errors}>
          <View className="register__stack">
            {options.catalogue.map(({ category, subItems }) => {
              const chosen = draft.intentions[category]
              const toggleCategory = () => {
                const next = { ...draft.intentions }
                if (chosen) delete next[category]
                else next[category] = []
                update({ intentions: next })
                setOpenCategory(chosen ? null : category)
              }
              const toggleItem = (item: string) =>
                update({ intentions: { ...draft.intentions, [category]: chosen.includes(item) ? chosen.filter((i) => i !== item) : [...chosen, item] } })
              return (
                <View key={category} className="register__category">
                  <View className={`register__category-head${chosen ? ' register__category-head--chosen' : ''}`} onClick={toggleCategory}>
                    {chosen ? `✓ ${category}` : category}
                  </View>
                  {chosen && (openCategory === category || chosen.length > 0) && (
                    <Chips small items={subItems.map((s) => ({ value: s, text: s }))} chosen={(v) => chosen.includes(v)} onTap={toggleItem} />
                  )}
                </View>
              )
            })}
          </View>
        </Field>
        <Field name="skills" label="专业特长" hint="多项用顿号隔开" errors={errors}>
          <Input name="skills" value={draft.skills} placeholder="例如 电工、驾驶" onChange={(skills) => update({ skills })} />
        </Field>
        <Field name="hobbies" label="兴趣爱好" errors={errors}>
          <Input name="hobbies" value={draft.hobbies} maxLength={100} placeholder="例如 书法、摄影" onChange={(hobbies) => update({ hobbies })} />
        </Field>
      </Section>
    </>
  )
}
