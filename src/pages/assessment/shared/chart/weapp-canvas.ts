// ECharts reads and writes a canvas's size and context; a mini-program's type="2d" Canvas node
// has both, but touches come from the component, so they are passed to ECharts's handler here.
// Modelled on echarts-for-weixin's wx-canvas.js and taro-react-echarts (both MIT).

interface CanvasNode {
  width: number
  height: number
  getContext(type: '2d'): unknown
  createImage?(): unknown
}

interface Touch {
  x: number
  y: number
}

interface ZrHandler {
  dispatch(name: string, event: object): void
}

export class WeappCanvas {
  private handler: ZrHandler | null = null

  constructor(private readonly node: CanvasNode) {}

  get width() {
    return this.node.width
  }
  set width(value: number) {
    this.node.width = value
  }
  get height() {
    return this.node.height
  }
  set height(value: number) {
    this.node.height = value
  }

  getContext(type: string) {
    return type === '2d' ? this.node.getContext('2d') : null
  }

  // ECharts asks a DOM canvas for these; the mini-program's events arrive through touch() instead.
  addEventListener() {}
  removeEventListener() {}
  attachEvent() {}
  detachEvent() {}

  listenThrough(handler: ZrHandler) {
    this.handler = handler
  }

  touch(kind: 'start' | 'move' | 'end', touches: Touch[]) {
    const touch = touches[0]
    if (!this.handler || !touch) return
    const event = { zrX: touch.x, zrY: touch.y, preventDefault() {}, stopImmediatePropagation() {}, stopPropagation() {} }
    const names = { start: ['mousedown', 'mousemove'], move: ['mousemove'], end: ['mouseup', 'click'] }[kind]
    for (const name of names) this.handler.dispatch(name, event)
  }
}
