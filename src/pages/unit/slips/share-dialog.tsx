import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Popup } from '@nutui/nutui-react-taro'
import { CheckinQr } from '@/components/checkin-qr'
import { qrPng, toBase64 } from '@/components/checkin-qr/qr-png'
import type { ReportSlip } from '@/services/api/registration'
import { registrationApi } from '@/services/api/registration'
import { fetchAndSaveFile, saveFile } from '@/services/save-file'
import { currentH5Page, slipShareText, slipTarget } from '../shared/slip-share'

/** Copies the slip's share text (the full link in H5); the toast says what was copied. */
export function copySlip(slip: ReportSlip) {
  void Taro.setClipboardData({ data: slipShareText(slip, currentH5Page()) })
    .then(() => Taro.showToast({ title: '已复制报到链接，可粘贴发送', icon: 'none' }))
    .catch(() => Taro.showToast({ title: `报到码 ${slip.code}`, icon: 'none' }))
}

/** 在职党员社区报到单 with its 回执单 as a PDF to print and stamp (004 附件1), with the QR code and the link on it. */
export async function printSlip(slip: ReportSlip) {
  const refused = await fetchAndSaveFile(() => registrationApi.slipPdf(slip.id), process.env.TARO_ENV === 'h5' ? '报到单已下载，可打印盖章' : '报到单已打开，可转发或打印')
  if (refused) void Taro.showToast({ title: refused.message, icon: 'none', duration: 3000 })
}

async function saveQr(slip: ReportSlip) {
  try {
    await saveFile({ fileName: `报到码-${slip.memberName}-${slip.code}.png`, base64: toBase64(qrPng(slipTarget(slip, currentH5Page()))), mimeType: 'image/png' })
    void Taro.showToast({ title: process.env.TARO_ENV === 'h5' ? '二维码图片已下载，可打印' : '二维码图片已存入相册', icon: 'none' })
  } catch {
    void Taro.showToast({ title: '图片未能保存，请允许保存到相册后重试', icon: 'none', duration: 3000 })
  }
}

/** The slip's QR (the link in H5, the mini-program path there), with the code in words, to save, print or copy. */
export function ShareDialog({ slip, onClose }: { slip: ReportSlip | null; onClose: () => void }) {
  const target = slip ? slipTarget(slip, currentH5Page()) : ''
  return (
    <Popup className="slip-share" visible={slip !== null} position="bottom" round closeable title="报到码" onClose={onClose}>
      {slip && (
        <View className="slip-share__body">
          <Text className="slip-share__who">{`${slip.memberName} 同志 · 到 ${slip.communityName}`}</Text>
          <CheckinQr text={target} size={240} label="报到码二维码" />
          <Text className="slip-share__code">{slip.code}</Text>
          <Text className="slip-share__link" userSelect>
            {target}
          </Text>
          <Text className="slip-share__hint">
            {process.env.TARO_ENV === 'h5' || slip.link ? '手机扫码或打开链接即可填写报到登记表（报到码已填好）。' : '在小程序的「党员报到登记」中扫这个码，或填写上面的报到码。'}
          </Text>
          <View className="slip-share__buttons">
            <Button block type="primary" onClick={() => void saveQr(slip)}>
              保存二维码图片
            </Button>
            <Button block fill="outline" type="primary" onClick={() => copySlip(slip)}>
              复制报到链接
            </Button>
            <Button block fill="outline" type="primary" onClick={() => void printSlip(slip)}>
              打印报到单（PDF）
            </Button>
          </View>
        </View>
      )}
    </Popup>
  )
}
