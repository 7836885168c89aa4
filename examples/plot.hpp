#ifndef TRADEOFF_EXAMPLES_PLOT_HPP
#define TRADEOFF_EXAMPLES_PLOT_HPP

/// @file
/// @brief Output helpers shared by the example programs (not part of the library): CSV tables
/// written with `%.17g`, and a small gnuplot driver that writes data files plus a `.gp` script
/// and runs `gnuplot` when it is on the PATH.
///
/// Layout of an output directory `DIR`:
///   DIR/<table>.csv                every plotted number, one table per question
///   DIR/<figure>.png               the rendered figure (pngcairo)
///   DIR/gnuplot/<figure>.gp        the script that draws it (run from DIR/gnuplot)
///   DIR/gnuplot/<figure>.<s>.dat   one whitespace-separated data file per plotted series

#include <Eigen/Core>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace example {

/// `%.17g` (round-trips every double); NaN becomes an empty cell, as pandas writes it.
inline std::string cell(double value) {
  if (std::isnan(value)) return {};
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", value);
  return buffer;
}
inline std::string cell(int value) { return std::to_string(value); }
inline std::string cell(long value) { return std::to_string(value); }
inline std::string cell(long long value) { return std::to_string(value); }
inline std::string cell(bool value) { return value ? "1" : "0"; }
inline std::string cell(const std::string& text) {
  if (text.find_first_of(",\"\n\r") == std::string::npos) return text;
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

/// `value` with `digits` decimals, for printed summaries and figure annotations.
inline std::string fixed(double value, int digits) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
  return buffer;
}

/// A CSV table built row by row and saved in one go.
class csv_table {
 public:
  explicit csv_table(std::vector<std::string> header) : header_(std::move(header)) {}

  /// Appends one row of already formatted cells (see `cell`); the count must match the header.
  void add(std::vector<std::string> cells) {
    if (cells.size() != header_.size()) {
      throw std::logic_error("csv_table: a row has " + std::to_string(cells.size()) +
                             " cells, the header " + std::to_string(header_.size()));
    }
    rows_.push_back(std::move(cells));
  }

  [[nodiscard]] std::size_t rows() const { return rows_.size(); }

  void save(const std::filesystem::path& path) const {
    std::ofstream out(path, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + path.string());
    write_line(out, header_);
    for (const auto& row : rows_) write_line(out, row);
    if (!out) throw std::runtime_error("error while writing " + path.string());
  }

 private:
  static void write_line(std::ostream& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out << (i ? "," : "") << cells[i];
    out << '\n';
  }

  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

/// True when a `gnuplot` executable is on the PATH.
inline bool gnuplot_available() {
#ifdef _WIN32
  return std::system("where gnuplot >NUL 2>&1") == 0;
#else
  return std::system("command -v gnuplot >/dev/null 2>&1") == 0;
#endif
}

/// Tic positions 1, 2, 5 × 10^k from `lo` to `hi` (powers of ten), comma-separated for
/// `set xtics (...)`: readable labels on a log axis however narrow its range.
inline std::string log_tics_1_2_5(double lo, double hi) {
  std::string tics;
  for (double decade = lo; decade <= hi; decade *= 10.0) {
    for (const double step : {1.0, 2.0, 5.0}) {
      char buffer[32];
      std::snprintf(buffer, sizeof buffer, "%g", decade * step);
      tics += (tics.empty() ? "" : ", ") + std::string(buffer);
    }
  }
  return tics;
}

/// The origin's colours per attention type, as gnuplot colour literals.
inline std::string type_colour(const std::string& type) {
  if (type == "MLA") return "#3A86FF";
  if (type == "GQA") return "#FF6B35";
  if (type == "MHA") return "#2DC653";
  return "#6C757D";
}

/// Colours and file names per label, for any labels: the origin's colours for MLA, GQA and MHA
/// (type_colour), the others from a palette in the order given; every label gets a file stem
/// that is safe on any file system ("<position>_<label with every byte outside [A-Za-z0-9] as
/// '_'>", unique because of the position), so a label such as "GQA(1/8)" never becomes a path.
class label_styles {
 public:
  label_styles() = default;
  explicit label_styles(std::vector<std::string> labels) : labels_(std::move(labels)) {
    static const char* const palette[] = {"#8338EC", "#E63946", "#FFB703", "#118AB2", "#8D6E63",
                                          "#EF476F", "#06D6A0", "#3D405B", "#F4A261", "#6C757D"};
    std::size_t next = 0;
    for (const auto& label : labels_) {
      std::string colour = type_colour(label);
      if (colour == type_colour("")) colour = palette[next++ % (sizeof palette / sizeof *palette)];
      colours_.push_back(colour);
    }
  }
  [[nodiscard]] const std::vector<std::string>& labels() const noexcept { return labels_; }
  [[nodiscard]] std::string colour(const std::string& label) const { return colours_[position(label)]; }
  [[nodiscard]] std::string stem(const std::string& label) const {
    std::string out = std::to_string(position(label)) + "_";
    for (const char c : label) {
      const bool plain = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      out += plain ? c : '_';
    }
    return out;
  }

 private:
  [[nodiscard]] std::size_t position(const std::string& label) const {
    for (std::size_t i = 0; i < labels_.size(); ++i) {
      if (labels_[i] == label) return i;
    }
    throw std::logic_error("label_styles: unknown label '" + label + "'");
  }
  std::vector<std::string> labels_;
  std::vector<std::string> colours_;
};

/// `"#RRGGBB"` with an alpha (0 = invisible, 1 = opaque) as gnuplot's `"#AARRGGBB"`, where
/// AA counts transparency.
inline std::string with_alpha(const std::string& rgb, double alpha) {
  const int transparency = static_cast<int>(std::lround((1.0 - alpha) * 255.0));
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "#%02X%s", transparency, rgb.c_str() + 1);
  return buffer;
}

/// A file name for a gnuplot script: single-quoted, no escapes (a single quote is doubled).
inline std::string path_string(const std::string& file) {
  std::string out = "'";
  for (char c : file) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

/// Text for a gnuplot title, label or key entry in enhanced mode: a double-quoted string where
/// a newline starts a new line, and `_` prints as itself (enhanced mode would subscript it).
/// Enhanced markup such as `{/:Bold ...}` passes through.
inline std::string text(const std::string& value) {
  std::string out = "\"";
  for (char c : value) {
    if (c == '\n') out += "\\n";
    else if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '_') out += "\\\\_";
    else out += c;
  }
  return out + "\"";
}

/// One gnuplot figure: data files and a script in DIR/gnuplot/, the PNG in DIR.
class figure {
 public:
  /// @param directory output directory DIR (created if needed)
  /// @param name file stem: DIR/<name>.png, DIR/gnuplot/<name>.gp
  /// @param width_px, height_px PNG size in pixels
  figure(std::filesystem::path directory, std::string name, int width_px, int height_px)
      : directory_(std::move(directory)), name_(std::move(name)) {
    std::filesystem::create_directories(directory_ / "gnuplot");
    script_ << "# Written by a tradeoff example; run `gnuplot " << name_
            << ".gp` in this directory.\n"
            << "set terminal pngcairo size " << width_px << "," << height_px
            << " enhanced font 'DejaVu Sans,13' background rgb '#F8F9FA'\n"
            << "set output " << path_string("../" + name_ + ".png") << "\n"
            << "set encoding utf8\n"
            << "set datafile missing 'NaN'\n";
  }

  /// Writes a series' data file (one column per array, `%.17g`; NaN and ±inf as `NaN`, which gnuplot skips) and returns its
  /// file name quoted for the script.
  std::string data(const std::string& series, const std::vector<std::string>& header,
                   const std::vector<Eigen::ArrayXd>& columns) {
    const std::string file = name_ + "." + series + ".dat";
    std::ofstream out(directory_ / "gnuplot" / file, std::ios::binary);
    if (!out) throw std::runtime_error("cannot write " + (directory_ / "gnuplot" / file).string());
    out << '#';
    for (const auto& column_name : header) out << ' ' << column_name;
    out << '\n';
    const Eigen::Index rows = columns.empty() ? 0 : columns.front().size();
    for (Eigen::Index r = 0; r < rows; ++r) {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        const double value = columns[c](r);
        out << (c ? " " : "") << (std::isfinite(value) ? cell(value) : std::string("NaN"));
      }
      out << '\n';
    }
    return path_string(file);
  }

  /// The script body; append gnuplot commands to it.
  std::ostream& script() { return script_; }

  /// Appends one `plot` command drawing `items` (each "file using ... with ..."), in order.
  void plot(const std::vector<std::string>& items) {
    script_ << "plot ";
    for (std::size_t i = 0; i < items.size(); ++i) script_ << (i ? ", \\\n     " : "") << items[i];
    script_ << "\n";
  }

  /// Writes the script and runs gnuplot on it if `render` and gnuplot is available; otherwise
  /// says how to render it. Returns true when the PNG was written.
  bool finish(bool render) {
    const std::filesystem::path gp = directory_ / "gnuplot" / (name_ + ".gp");
    {
      std::ofstream out(gp, std::ios::binary);
      out << script_.str() << "unset multiplot\nunset output\n";
      if (!out) throw std::runtime_error("cannot write " + gp.string());
    }
    const std::filesystem::path png = directory_ / (name_ + ".png");
    const std::string how = "cd \"" + (directory_ / "gnuplot").string() + "\" && gnuplot \"" +
                            name_ + ".gp\"";
    if (!render || !gnuplot_available()) {
      std::cout << "  " << name_ << ": gnuplot " << (render ? "not found" : "skipped")
                << "; render with: " << how << "\n";
      return false;
    }
    std::error_code ignored;
    std::filesystem::remove(png, ignored);
    if (std::system(how.c_str()) != 0 || !std::filesystem::exists(png)) {
      std::cerr << "  " << name_ << ": gnuplot failed on " << gp.string() << "\n";
      return false;
    }
    std::cout << "  wrote " << png.string() << "\n";
    return true;
  }

 private:
  std::filesystem::path directory_;
  std::string name_;
  std::ostringstream script_;
};

}  // namespace example

#endif  // TRADEOFF_EXAMPLES_PLOT_HPP
