// The checks every public page must pass at every width: it answers 200, nothing is wider than the screen, axe finds
// no serious or critical WCAG 2.1 AA violation, and there is one h1.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

export async function expectFitsAndPassesAxe(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);
  // Next streams a page's <title> after its body: axe only once it is there.
  await expect(page, `${url} has a title`).toHaveTitle(/\S/);

  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    elements: [...document.querySelectorAll("main *")]
      .filter((element) => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > window.innerWidth + 0.5 && !element.closest(".sr-only");
      })
      .map((element) => `${element.tagName.toLowerCase()} “${(element.textContent ?? "").trim().slice(0, 40)}”`),
  }));
  expect(overflow.page, `${url} is wider than the screen`).toBeLessThanOrEqual(0);
  expect(overflow.elements, `${url}: elements past the right edge`).toEqual([]);

  const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21aa"]).analyze();
  const serious = violations.filter((violation) => violation.impact === "serious" || violation.impact === "critical");
  expect(
    serious.map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`,
    ),
    url,
  ).toEqual([]);

  await expect(page.locator("h1"), `${url} has one h1`).toHaveCount(1);
}

/**
 * Every form field on the page, shown or in a hidden panel, has a name a screen reader announces (a label the
 * browser ties to it, aria-labelledby, aria-label or a title), and no two elements share an id. axe alone misses a
 * label whose `for` names an id that an earlier element (a heading, say) also has: the label then names nothing.
 */
export async function expectNamedFieldsAndUniqueIds(page: Page, where: string): Promise<void> {
  const problems = await page.evaluate(() => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""}${
        element.getAttribute("name") ? `[name=${element.getAttribute("name")}]` : ""
      }`;
    const text = (element: Element | null) => (element?.textContent ?? "").trim();
    const fields = [...document.querySelectorAll("input, select, textarea")].filter(
      (field) => !["hidden", "submit", "button", "reset", "image"].includes(field.getAttribute("type") ?? ""),
    ) as (HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement)[];
    const unnamed = fields.filter((field) => {
      const labelledBy = (field.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
      if (labelledBy.map((id) => text(document.getElementById(id))).join("")) return false;
      if ((field.getAttribute("aria-label") ?? "").trim()) return false;
      if ([...(field.labels ?? [])].some((label) => text(label))) return false;
      return !(field.getAttribute("title") ?? "").trim();
    });
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return [
      ...unnamed.map((field) => `unnamed field: ${describe(field)}`),
      ...[...counts].filter(([, count]) => count > 1).map(([id, count]) => `id used ${count} times: #${id}`),
    ];
  });
  expect(problems, where).toEqual([]);
}
