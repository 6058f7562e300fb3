package org.ketaminecds.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A line chart drawn with Java2D into a rectangle of an image: the benchmark tooling makes its own
 * pictures, so the README's chart needs nothing beyond the JDK. Either axis may be logarithmic.
 */
final class LineChart {

  /** One line: its name in the legend, its colour, its points in data units. */
  record Series(String name, Color color, boolean dashed, List<double[]> points) {}

  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
  private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final boolean logX;
  private final boolean logY;
  private final List<Series> series = new ArrayList<>();
  private DoubleFunction<String> xTickText = v -> format(v);

  LineChart(String title, String xLabel, String yLabel, boolean logX, boolean logY) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
    this.logX = logX;
    this.logY = logY;
  }

  LineChart add(Series line) {
    series.add(line);
    return this;
  }

  LineChart xTicks(DoubleFunction<String> text) {
    this.xTickText = text;
    return this;
  }

  void draw(Graphics2D g, int left, int top, int width, int height, double[] xTicks) {
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    int plotLeft = left + 70;
    int plotTop = top + 40;
    int plotWidth = width - 90;
    int plotHeight = height - 130;
    double[] xRange = range(0, logX);
    double[] yRange = range(1, logY);
    if (!logY) {
      yRange[0] = 0;
    }
    g.setColor(Color.BLACK);
    g.setFont(TITLE);
    g.drawString(title, left + 10, top + 22);
    g.setFont(LABEL);
    g.setColor(new Color(235, 235, 235));
    for (double[] tick : yTicks(yRange)) {
      int y = plotTop + plotHeight - (int) (plotHeight * fraction(tick[0], yRange, logY));
      g.setColor(new Color(225, 225, 225));
      g.drawLine(plotLeft, y, plotLeft + plotWidth, y);
      g.setColor(Color.DARK_GRAY);
      String text = format(tick[0]);
      g.drawString(text, plotLeft - 8 - g.getFontMetrics().stringWidth(text), y + 4);
    }
    for (double tick : xTicks) {
      int x = plotLeft + (int) (plotWidth * fraction(tick, xRange, logX));
      g.setColor(new Color(225, 225, 225));
      g.drawLine(x, plotTop, x, plotTop + plotHeight);
      g.setColor(Color.DARK_GRAY);
      String text = xTickText.apply(tick);
      g.drawString(text, x - g.getFontMetrics().stringWidth(text) / 2, plotTop + plotHeight + 16);
    }
    g.setColor(Color.BLACK);
    g.drawRect(plotLeft, plotTop, plotWidth, plotHeight);
    g.drawString(
        xLabel,
        plotLeft + (plotWidth - g.getFontMetrics().stringWidth(xLabel)) / 2,
        plotTop + plotHeight + 34);
    Graphics2D rotated = (Graphics2D) g.create();
    rotated.rotate(-Math.PI / 2);
    rotated.drawString(
        yLabel,
        -(plotTop + plotHeight / 2 + g.getFontMetrics().stringWidth(yLabel) / 2),
        left + 16);
    rotated.dispose();
    int legendY = plotTop + plotHeight + 56;
    int legendX = plotLeft;
    for (Series line : series) {
      g.setColor(line.color());
      g.setStroke(stroke(line.dashed()));
      int previousX = -1;
      int previousY = -1;
      for (double[] point : line.points()) {
        int x = plotLeft + (int) (plotWidth * fraction(point[0], xRange, logX));
        int y = plotTop + plotHeight - (int) (plotHeight * fraction(point[1], yRange, logY));
        if (previousX >= 0) {
          g.drawLine(previousX, previousY, x, y);
        }
        if (line.points().size() <= 12) {
          g.fillOval(x - 3, y - 3, 7, 7);
        }
        previousX = x;
        previousY = y;
      }
      int textWidth = g.getFontMetrics().stringWidth(line.name());
      if (legendX + 30 + textWidth > plotLeft + plotWidth) {
        legendX = plotLeft;
        legendY += 18;
      }
      g.drawLine(legendX, legendY - 4, legendX + 22, legendY - 4);
      g.setColor(Color.BLACK);
      g.drawString(line.name(), legendX + 27, legendY);
      legendX += 40 + textWidth;
    }
    g.setStroke(new BasicStroke(1));
  }

  private static BasicStroke stroke(boolean dashed) {
    return dashed
        ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1, new float[] {7, 5}, 0)
        : new BasicStroke(2);
  }

  private double[] range(int axis, boolean log) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Series line : series) {
      for (double[] point : line.points()) {
        min = Math.min(min, point[axis]);
        max = Math.max(max, point[axis]);
      }
    }
    if (log && axis == 0) {
      return new double[] {min, max};
    }
    if (log) {
      return new double[] {
        Math.pow(10, Math.floor(Math.log10(min))), Math.pow(10, Math.ceil(Math.log10(max)))
      };
    }
    return new double[] {min, max * 1.1};
  }

  private static double fraction(double value, double[] range, boolean log) {
    if (log) {
      return (Math.log10(value) - Math.log10(range[0]))
          / (Math.log10(range[1]) - Math.log10(range[0]));
    }
    return (value - range[0]) / (range[1] - range[0]);
  }

  private List<double[]> yTicks(double[] range) {
    var ticks = new ArrayList<double[]>();
    if (logY) {
      for (double v = range[0]; v <= range[1] * 1.0001; v *= 10) {
        ticks.add(new double[] {v});
      }
      return ticks;
    }
    double step = Math.pow(10, Math.floor(Math.log10(range[1] / 5)));
    while (range[1] / step > 8) {
      step *= 2;
    }
    for (double v = 0; v <= range[1]; v += step) {
      ticks.add(new double[] {v});
    }
    return ticks;
  }

  static String format(double value) {
    if (value == 0) {
      return "0";
    }
    if (value >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (value >= 1) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    return String.format(Locale.ROOT, "%.2g", value);
  }
}
