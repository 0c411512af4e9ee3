/**
 * The 简讯's limits, in a file of their own without imports so that the page can use the same numbers (it checks a
 * photo's size before sending it, and counts the characters) without loading the schemas.
 */

/** The largest photo kept, decoded: the gateway takes 1 MiB a request and base64 adds a third (see README, 活动简讯与照片). */
export const BRIEF_PHOTO_MAX_BYTES = 700 * 1024;
export const BRIEF_MAX_PHOTOS = 9;
export const BRIEF_MAX_CHARS = 1000;

/** 700 KB: how the limit is written in messages. */
export const BRIEF_PHOTO_LIMIT_TEXT = `${Math.round(BRIEF_PHOTO_MAX_BYTES / 1024)} KB`;
