import { Text, View } from '@tarojs/components'
import type { RegistrationOptions } from '@/services/api/registration'
import { Chips, Field, Section, type SectionProps } from './parts'

type Props = SectionProps & { options: RegistrationOptions; slip: RegistrationOptions['slip'] }

/** 报到社区: the community (fixed by a slip) and, when it has grids, the grid. */
export function CommunitySection({ draft, errors, update, options, slip }: Props) {
  const streets = options.districts.flatMap((d) => d.streets)
  const community = streets.flatMap((s) => s.communities).find((c) => c.id === draft.communityId)
  return (
    <Section title="报到社区">
      <Field name="communityId" label="社区" required errors={errors}>
        {slip ? (
          <Text className="register__fixed">{slip.communityName}</Text>
        ) : (
          <View className="register__stack">
            {streets.map((street) => (
              <View key={street.id} className="register__street">
                <Text className="register__street-name">{street.name}</Text>
                <Chips small items={street.communities.map((c) => ({ value: c.id, text: c.name }))} chosen={(v) => draft.communityId === v} onTap={(communityId) => update({ communityId, gridId: '' })} />
              </View>
            ))}
          </View>
        )}
      </Field>
      {community && community.grids.length > 0 && (
        <Field name="gridId" label="网格" hint="不清楚可不选，由社区安排" errors={errors}>
          <Chips small items={community.grids.map((g) => ({ value: g.id, text: g.name }))} chosen={(v) => draft.gridId === v} onTap={(gridId) => update({ gridId: draft.gridId === gridId ? '' : gridId })} />
        </Field>
      )}
    </Section>
  )
}
