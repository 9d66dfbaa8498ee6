// The checks every public page must pass at every width: it answers 200, nothing is wider than the screen, axe finds
// no serious or critical WCAG 2.1 AA violation, and there is one h1.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect } from "../fixtures";

export async function expectFitsAndPassesAxe(page: Page, url: string): Promise<void> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(200);

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
