// canvasfit: the command-line front end of the core.
//   canvasfit analyze FILE [--format json|text|markdown|html] [--input auto|excalidraw|miro|canvasfit]
//                          [--options OPTIONS.json]
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string_view>
#include <string>

#if defined(__unix__)
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#define CANVASFIT_CLI_MMAP 1
#else
#define CANVASFIT_CLI_MMAP 0
#endif

#include "canvasfit/analyze.hpp"
#include "canvasfit/errors.hpp"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitBadInput = 2;

const char* const kUsage =
    "usage: canvasfit analyze FILE [--format json|text|markdown|html] [--input FORMAT] [--options FILE]\n"
    "       canvasfit --version\n"
    "\n"
    "Sorts every note of a Value Proposition Canvas board into its canvas and section.\n"
    "FILE is an Excalidraw scene, a Miro REST export or a CanvasFit board ('-' reads stdin).\n"
    "--input forces the input format: auto (default), excalidraw, miro, canvasfit.\n"
    "--format html writes the one-page summary: fit, fit matrix, price/value map (docs/summary.md).\n"
    "--options reads analysis options as JSON, e.g. confirmed and rejected links, and notes\n"
    "nothing else links (a pain nothing addresses):\n"
    "  {\"links\": {\"confirmed\": [[\"r1\", \"p1\"]], \"rejected\": [[\"r2\", \"p1\"]], \"unlinked\": [\"p4\"]}}\n";

struct Arguments {
    std::string file;
    std::string output_format = "json";
    std::string input_format = "auto";
    std::string options_file;  // "" if none
};

// The bytes of a file (or of stdin, for "-").
class FileText {
public:
    bool read(const std::string& path) {
        if (path == "-") {
            text_.assign(std::istreambuf_iterator<char>(std::cin), {});
            view_ = text_;
            return true;
        }
        std::ifstream in(path, std::ios::binary);
        if (!in) return false;
        std::error_code error;
        if (!std::filesystem::is_regular_file(path, error)) {
            // A pipe or anything else without a size: read what comes.
            std::ostringstream buffer;
            buffer << in.rdbuf();
            text_ = buffer.str();
            view_ = text_;
            return true;
        }
        const auto size = static_cast<std::size_t>(std::filesystem::file_size(path, error));
        if (map(path, size)) return true;
        // One sized read into a buffer that is not zeroed first: copying
        // through a stream buffer cost ~6 % of a run, zeroing 20 MB ~5 %.
        buffer_.reset(new char[size]);
        in.read(buffer_.get(), static_cast<std::streamsize>(size));
        view_ = std::string_view(buffer_.get(), static_cast<std::size_t>(in.gcount()));
        return true;
    }
    std::string_view view() const { return view_; }

    FileText() = default;
    FileText(const FileText&) = delete;
    FileText& operator=(const FileText&) = delete;
    ~FileText() {
#if CANVASFIT_CLI_MMAP
        if (mapped_) munmap(mapped_, mapped_size_);
#endif
    }

private:
    // The file's pages mapped read-only, where the system can: a board file
    // is read once from start to end, and mapping it spares copying it into
    // a fresh buffer (11 % of the CLI's time on a 22 MB Excalidraw file,
    // most of it first touches of the new pages; bench/README.md).
    bool map(const std::string& path, std::size_t size) {
#if CANVASFIT_CLI_MMAP
        if (size == 0) return false;
        const int fd = open(path.c_str(), O_RDONLY);
        if (fd < 0) return false;
        void* pages = mmap(nullptr, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
        close(fd);
        if (pages == MAP_FAILED) return false;
        mapped_ = pages;
        mapped_size_ = size;
        view_ = std::string_view(static_cast<const char*>(pages), size);
        return true;
#else
        (void)path;
        (void)size;
        return false;
#endif
    }

#if CANVASFIT_CLI_MMAP
    void* mapped_ = nullptr;
    std::size_t mapped_size_ = 0;
#endif
    std::unique_ptr<char[]> buffer_;
    std::string text_;
    std::string_view view_;
};

// Returns false (after printing why) when the command line is not usable.
bool parse_arguments(int argc, char** argv, Arguments& args) {
    if (argc < 3 || std::string(argv[1]) != "analyze") return false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if ((arg == "--format" || arg == "--input") && i + 1 < argc) {
            (arg == "--format" ? args.output_format : args.input_format) = argv[++i];
        } else if (arg == "--options" && i + 1 < argc) {
            args.options_file = argv[++i];
        } else if (args.file.empty() && (arg == "-" || arg.rfind("--", 0) != 0)) {
            args.file = arg;
        } else {
            std::cerr << "canvasfit: unexpected argument '" << arg << "'\n";
            return false;
        }
    }
    if (args.output_format != "json" && args.output_format != "text" &&
        args.output_format != "markdown" && args.output_format != "html") {
        std::cerr << "canvasfit: unknown --format '" << args.output_format << "'\n";
        return false;
    }
    return !args.file.empty();
}

// The report for people: text, Markdown or the HTML summary.
std::string render(const canvasfit::Report& report, const std::string& format) {
    if (format == "text") return canvasfit::report_to_text(report);
    if (format == "markdown") return canvasfit::report_to_markdown(report);
    return canvasfit::report_to_html(report);
}

std::string base_name(const std::string& path) {
    const std::size_t slash = path.find_last_of('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

int analyze(const Arguments& args) {
    FileText input;
    if (!input.read(args.file)) {
        std::cerr << "canvasfit: error: cannot read '" << args.file << "'\n";
        return kExitBadInput;
    }
    FileText options_json;
    if (!args.options_file.empty() && !options_json.read(args.options_file)) {
        std::cerr << "canvasfit: error: cannot read '" << args.options_file << "'\n";
        return kExitBadInput;
    }
    canvasfit::AnalyzeOptions options;
    try {
        options = canvasfit::parse_options(options_json.view());
        // The report names the file, not the path, so reports compare across machines.
        options.source = args.file == "-" ? "stdin" : base_name(args.file);
        options.format = canvasfit::parse_input_format(args.input_format);
        if (args.output_format == "json") {
            // Written as it is made: no whole Report, no whole text (analyze.hpp).
            // The board is read before the first piece, so a bad board writes
            // only the error JSON below.
            canvasfit::analyze_text_to_json(input.view(), options,
                                            [](const std::string& piece) { std::cout << piece; });
        } else {
            std::cout << render(canvasfit::analyze_text(input.view(), options), args.output_format);
        }
        return kExitOk;
    } catch (const canvasfit::InputError& e) {
        std::cerr << "canvasfit: error: " << e.where() << ": " << e.what() << "\n";
        if (args.output_format == "json") std::cout << canvasfit::error_to_json(e.where(), e.what());
        return kExitBadInput;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc == 2 && std::string(argv[1]) == "--version") {
        std::cout << "canvasfit " << canvasfit::version() << "\n";
        return kExitOk;
    }
    if (argc == 2 && (std::string(argv[1]) == "--help" || std::string(argv[1]) == "-h")) {
        std::cout << kUsage;
        return kExitOk;
    }
    Arguments args;
    if (!parse_arguments(argc, argv, args)) {
        std::cerr << kUsage;
        return kExitUsage;
    }
    try {
        return analyze(args);
    } catch (const std::exception& e) {
        // Not an input problem: a defect. Say so rather than crash.
        std::cerr << "canvasfit: internal error: " << e.what() << "\n";
        return 3;
    }
}
