/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.gif'
declare module '*.jpg'
declare module '*.jpeg'
declare module '*.svg'
declare module '*.css'
declare module '*.scss'
declare module '*.sass'

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform Taro is building for (decides the API transport and scanner); unset in Node code and jest. */
    TARO_ENV?: 'weapp' | 'h5'
    /** Mini-program appid, read from .env files by Taro. */
    TARO_APP_ID?: string
  }
}
