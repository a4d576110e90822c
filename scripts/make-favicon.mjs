// Writes app/favicon.ico from app/icon.svg (run after changing the mark: node scripts/make-favicon.mjs).
import { chromium } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
const svg = readFileSync("app/icon.svg", "utf8");
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--headless"] });
const page = await browser.newPage({ viewport: { width: 32, height: 32 } });
await page.setContent(
  `<html><body style="margin:0;background:transparent">${svg.replace("<svg ", '<svg width="32" height="32" ')}</body></html>`,
);
const png = await page.screenshot({ omitBackground: true });
await browser.close();
// An ICO holding one 32×32 PNG (allowed since Windows Vista, read by every current browser).
const header = Buffer.alloc(22);
header.writeUInt16LE(0, 0);
header.writeUInt16LE(1, 2);
header.writeUInt16LE(1, 4);
header.writeUInt8(32, 6);
header.writeUInt8(32, 7);
header.writeUInt8(0, 8);
header.writeUInt8(0, 9);
header.writeUInt16LE(1, 10);
header.writeUInt16LE(32, 12);
header.writeUInt32LE(png.length, 14);
header.writeUInt32LE(22, 18);
writeFileSync("app/favicon.ico", Buffer.concat([header, png]));
