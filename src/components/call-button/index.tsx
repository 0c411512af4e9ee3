import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { Phone } from '@nutui/icons-react-taro'
import './index.scss'

const IS_H5 = process.env.TARO_ENV === 'h5'

export interface CallButtonProps {
  /** The number dialled: a mobile or a landline such as 0750-5550101. */
  phone: string
  fill?: 'solid' | 'outline'
  children: ReactNode
}

/** Calls a number: WeChat's dialler in the mini-program, a tel: link in the browser. Inside a tappable card, only calls. */
export function CallButton({ phone, fill = 'outline', children }: CallButtonProps) {
  const button = (
    <Button
      className="dy-call-button__button"
      type="primary"
      fill={fill}
      size="large"
      block
      icon={<Phone />}
      onClick={(event) => {
        event.stopPropagation()
        if (!IS_H5) void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
      }}
    >
      {children}
    </Button>
  )
  if (!IS_H5) return button
  return (
    <a className="dy-call-button" href={`tel:${phone.replace(/[^\d+]/g, '')}`} aria-label={`拨打 ${phone}`} onClick={(event) => event.stopPropagation()}>
      {button}
    </a>
  )
}
