package dev.penumbra.report;

/** The report's style sheet: readable on screen and in print, no external resources. */
final class Style {

    static final String CSS = """
            body { font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #222;
                   background: #fafafa; margin: 0; line-height: 1.45; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; background: #fff; }
            h1 { font-size: 28px; margin-bottom: 4px; }
            h2 { font-size: 22px; border-bottom: 2px solid #ddd; padding-bottom: 4px; margin-top: 40px; }
            h3 { font-size: 17px; margin-top: 28px; }
            .lead { color: #444; }
            nav ul { list-style: none; padding: 0; display: flex; gap: 18px; }
            .scroll { overflow-x: auto; }
            table { border-collapse: collapse; margin: 8px 0 20px; font-size: 13.5px; }
            th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 9px; text-align: right; white-space: nowrap;
                     vertical-align: top; }
            th:first-child, td:first-child { text-align: left; }
            th { background: #f2f2f2; }
            .ci { color: #777; font-size: 12px; }
            .caption, figcaption { color: #555; font-size: 13.5px; }
            figure { margin: 16px 0 28px; }
            figure img { max-width: 100%; border: 1px solid #eee; }
            .files a { margin: 0 2px; }
            code, pre { font-family: Menlo, Consolas, monospace; font-size: 12.5px; }
            pre { background: #f6f6f6; padding: 12px; overflow-x: auto; }
            dt { font-weight: 600; margin-top: 8px; }
            .warning { background: #fff4e5; border: 1px solid #f0a030; border-left: 6px solid #e08000;
                       padding: 8px 14px; margin: 14px 0; }
            .warning ul { margin: 6px 0; padding-left: 20px; }
            .flag { color: #b35c00; font-size: 12px; }
            table.prose td, table.prose th { white-space: normal; text-align: left; }
            table.prose td:nth-child(2), table.prose td:nth-child(3) { white-space: nowrap; }
            .answer { font-weight: 600; }
            .answer.yes { color: #1a7f37; }
            .answer.partly { color: #7a6a00; }
            .answer.no { color: #b42318; }
            .answer.withheld { color: #b35c00; }
            """;

    private Style() {
    }
}
