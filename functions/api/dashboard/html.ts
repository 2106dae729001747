import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** A fragment of markup whose text parts have been escaped. */
export type Html = HtmlEscapedString;

/** What a template may interpolate: text and numbers (escaped), fragments (as is), lists of them, or nothing. */
export type Part = Html | string | number | false | null | undefined | readonly Part[];

/**
 * Hono's `html` tagged template, typed for synchronous use: every interpolated string is escaped
 * (`& < > " '`, so attribute values are safe inside double quotes), fragments and lists of
 * fragments are inserted as they are, and `false`/`null`/`undefined` leave nothing. Nothing here
 * interpolates a Promise, so the result is always a plain fragment. (Templates rather than JSX:
 * dependency-cruiser's parser cannot read .tsx, and templates need no JSX compiler settings.)
 */
export const h = (strings: TemplateStringsArray, ...values: Part[]): Html => html(strings, ...values) as Html;
