import { describe, expect, it } from "vitest";
import { renderMarkdown } from "./markdown";

describe("renderMarkdown", () => {
  it("renders headings, lists and links", () => {
    const html = renderMarkdown("## 标题\n\n- 一\n- 二\n\n[链接](https://example.cn)");
    expect(html).toContain("<h2>标题</h2>");
    expect(html).toContain("<li>一</li>");
    expect(html).toContain('<a href="https://example.cn">链接</a>');
  });

  it("strips scripts, event handlers, iframes and javascript: links", () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(1)><iframe src="//evil"></iframe>[x](javascript:alert(1)) <p style="color:red" onclick="x()">p</p>',
    );
    expect(html).not.toMatch(/<script|<img|onerror=|<iframe|href="javascript|style=|onclick=/i);
    expect(renderMarkdown("[x](javascript:alert(1))")).not.toMatch(/href="javascript/i);
  });

  it("turns a level-one heading into h2 so the page keeps one h1", () => {
    expect(renderMarkdown("# 顶级")).toContain("<h2>顶级</h2>");
  });

  it("shifts the outline under a section heading", () => {
    const html = renderMarkdown("## 一、发展条件\n\n### （一）发展基础\n\n#### 细目", { topLevel: 3 });
    expect(html).toContain("<h3>一、发展条件</h3>");
    expect(html).toContain("<h4>（一）发展基础</h4>");
    expect(html).toContain("<h5>细目</h5>");
  });
});

describe("markdownToText", () => {
  it("keeps the words and the line breaks, drops every tag", async () => {
    const { markdownToText } = await import("./markdown");
    const text = markdownToText(
      "## 停水时间\n\n**12月5日** 9:00—18:00\n\n- 和平街 1 号 & 2 号\n- <script>alert(1)</script>红石柱",
    );
    expect(text).toContain("停水时间\n");
    expect(text).toContain("12月5日 9:00—18:00");
    expect(text).toContain("和平街 1 号 & 2 号");
    expect(text).not.toMatch(/<|script|alert/);
  });
});
