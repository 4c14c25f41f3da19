/**
 * The built-in visitor-country → marketplace table, generated from the PHP side at build time
 * (includes/Marketplace/Visitor_Countries.php → visitor-countries.json).
 */
import data from './visitor-countries.json';

export const visitorCountries: Readonly< Record< string, string > > =
	data.countries;
