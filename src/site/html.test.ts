import { describe, expect, it } from 'vitest';
import { html } from './html.js';

describe('html', () => {
  it('escapes every interpolated value, so text from contracts and runs never becomes markup', () => {
    const owner = `<img src=x onerror="alert('x')">`;
    expect(html`<td title="${owner}">${owner}</td>`.text).toBe(
      '<td title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt;</td>',
    );
  });

  it('nests fragments and lists without escaping them twice, and drops empty values', () => {
    const items = ['a&b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}${undefined}${false}${null}</ul>`.text).toBe('<ul><li>a&amp;b</li><li>c</li></ul>');
    expect(html`${0}`.text).toBe('0');
  });
});
