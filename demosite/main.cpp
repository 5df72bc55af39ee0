#include <QCommandLineParser>
#include <QCoreApplication>

#include "DemoSiteOptions.h"

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    DemoSiteOptions::addOptions(parser);
    parser.process(app);
    QString error;
    return DemoSiteOptions::fromParser(parser, &error) ? 0 : 1;
}
