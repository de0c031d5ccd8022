import Foundation
import ToChucDomain

/// Server-made SVG charts: no script, readable without colour (each bar carries its figure as text and a title).
enum Charts {
    /// One bar of `bars`: a label, a share in hundredths of a percent, an optional target in percent, and whether the
    /// target is met.
    struct Bar {
        let label: String
        let hundredths: Int
        let figure: String
        let targetPercent: Int?
        let met: Bool?
    }

    /// A QR code as SVG: one path of unit squares inside a quiet zone of four modules, drawn at `pixels` with crisp edges.
    static func qrCode(_ code: QRCode, label: String, pixels: Int = 200) -> HTML {
        let side = code.size + 8
        var path = ""
        for y in 0..<code.size {
            for x in 0..<code.size where code.isDark(x: x, y: y) { path += "M\(x + 4),\(y + 4)h1v1h-1z" }
        }
        return HTML(
            raw: "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" width=\"\(pixels)\" height=\"\(pixels)\" "
                + "shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"\(HTML.escape(label))\"><rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/>"
                + "<path d=\"\(path)\" fill=\"#000\"/></svg>")
    }

    /// Horizontal bars on a 0–100% scale, with a dashed mark at each bar's target.
    /// `scaled` false: the bars are counts against the largest (no percent axis).
    static func bars(_ bars: [Bar], title: String, id: String, scaled: Bool = true) -> HTML {
        let width = 560
        let labelWidth = 190
        let scale = width - labelWidth - 120
        let rowHeight = 34
        let height = bars.count * rowHeight + 26
        var parts: [String] = []
        for (index, bar) in bars.enumerated() {
            let y = 10 + index * rowHeight
            let length = max(0, min(scale, bar.hundredths * scale / 10_000))
            let kind = bar.met == nil ? "neutral" : (bar.met! ? "met" : "short")
            parts.append(
                "<text x=\"0\" y=\"\(y + 16)\" class=\"chart-label\">\(HTML.escape(bar.label))</text>"
                    + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(scale)\" height=\"20\" class=\"chart-track\"/>"
                    + "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(length)\" height=\"20\" class=\"chart-bar chart-\(kind)\"><title>\(HTML.escape(bar.label + ": " + bar.figure))</title></rect>"
                    + "<text x=\"\(labelWidth + scale + 8)\" y=\"\(y + 16)\" class=\"chart-figure\">\(HTML.escape(bar.figure))</text>")
            if let target = bar.targetPercent {
                let x = labelWidth + target * scale / 100
                parts.append("<line x1=\"\(x)\" y1=\"\(y - 1)\" x2=\"\(x)\" y2=\"\(y + 25)\" class=\"chart-target\"/>")
            }
        }
        let axisY = height - 8
        if scaled {
            parts.append("<text x=\"\(labelWidth)\" y=\"\(axisY)\" class=\"chart-axis\">0%</text>")
            parts.append("<text x=\"\(labelWidth + scale / 2 - 10)\" y=\"\(axisY)\" class=\"chart-axis\">50%</text>")
            parts.append("<text x=\"\(labelWidth + scale - 30)\" y=\"\(axisY)\" class=\"chart-axis\">100%</text>")
        }
        return HTML(
            raw: "<svg id=\"\(HTML.escape(id))\" class=\"chart\" role=\"img\" aria-label=\"\(HTML.escape(title))\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" xmlns=\"http://www.w3.org/2000/svg\"><title>\(HTML.escape(title))</title>"
                + parts.joined() + "</svg>")
    }
}
