using SupportLens.Web.Cli;

return SupportLensCli.Run(args, Console.Out, Console.Error, TimeProvider.System);
